#pragma once
// Film-like footage the restoration tests make for themselves, clean and damaged, so the clean
// frames are the oracle: a textured background that pans, a textured object that moves across it, a
// small bright object moving fast (the size of a blotch, which a dust filter must leave alone), grain,
// and a cut to a second shot. Damage is seeded: blotches (dust and dirt, dark and bright, soft-edged)
// and where each lies, and flicker.
#include <cstdint>
#include <map>
#include <vector>

#include "engine/io/Frame.h"

namespace tinct::test {

// A smooth texture defined everywhere (sums of sines and interpolated lattice noise), values about
// 0.15 .. 0.85, so a frame shifted by any fraction of a pixel is known exactly.
float filmTexture(double x, double y, unsigned seed);

struct FilmSettings {
    int width = 256, height = 192, frames = 12;
    int cut = 7;                 // the first frame of the second shot; -1: one shot
    double panX = 1.5, panY = 0.5;    // background motion, pixels a frame
    double objectX = 3.0, objectY = -1.0;
    double fastSpeed = 9.0;      // the small object's speed, pixels a frame (to the right)
    float grain = 0.004f;        // standard deviation of per-frame grain
    unsigned seed = 7;
};

struct Film {
    std::map<int64_t, Frame> clean, damaged;
    std::map<int64_t, std::vector<float>> damage;  // per pixel, how much blotch covers it (0 .. 1)
    std::map<int64_t, std::vector<uint8_t>> fast;  // per pixel, 1 on the small fast object
    FilmSettings settings;
};

// Clean frames only.
Film makeFilm(const FilmSettings& settings);

// Seeded blotches over `coverage` of each frame's pixels (0.006: 0.6%), radii 1 .. maxRadius pixels,
// dark or bright, each with a one-pixel soft edge. Fills `damaged` and `damage`.
void addBlotches(Film& film, double coverage, int maxRadius, unsigned seed);

// Seeded fixed-position defects, the same in every frame: `count` sites at least 8 pixels apart and
// from the borders, each one of: a dead pixel (black), a stuck pixel (white), a hot pixel (+0.3), a
// pixel with one channel stuck at full, or sensor dust (a 2x2 patch at 0.45 of its value). Fills
// `damaged` and `damage` (1 on the defects).
void addFixedDefects(Film& film, int count, unsigned seed);

// Seeded vertical line scratches, the same scratches through every frame as on a print: `count`
// of them at least 30 pixels apart, each 1 to 3 pixels wide (a box of that width at a fractional
// position, so its edge columns are partly covered), dark or light, a veil 5% to 25% opaque toward
// black or white whose opacity changes along its length, drifting up to 1.5 pixels over the frame's
// height and by up to 0.1 pixels a frame. Fills `damaged` and `damage` (the veil's opacity times
// the column's coverage).
void addScratches(Film& film, int count, unsigned seed);

// Seeded exposure flicker over `damaged`: per frame a global gain 1 + U(-global, global), a smooth
// local gain (two plane waves about a frame wide, amplitude up to `local` together) and a colour
// breathing gain per channel 1 + U(-breathing, breathing); the gains multiply the values.
void addFlicker(Film& film, double global, double local, double breathing, unsigned seed);

// Seeded grain over `damaged` (the clean frames when there is no damage yet): independent Gaussian
// noise per pixel, channel and frame whose deviation is grainDeviation(strength, the clean value),
// strongest in the mid-tones as a print's grain is.
void addGrain(Film& film, double strength, unsigned seed);
// 0.4 x strength at values 0 and 1, rising to strength at 0.5.
double grainDeviation(double strength, double value);

// Seeded gate weave over `damaged` (the clean frames when there is no damage yet): each frame moved
// by its own shift, uniform within +-amplitude pixels each way, resampled by Catmull-Rom bicubic
// (the edges repeat).
void addWeave(Film& film, double amplitude, unsigned seed);

// The temporal standard deviation of the luma means of `block`-pixel blocks, within each shot,
// averaged over blocks and shots: how much regions of the picture breathe from frame to frame.
double blockBreathing(const std::map<int64_t, Frame>& frames, const FilmSettings& settings, int block);

// The largest difference of RGB between pixel `pixel` of two frames.
float channelDistance(const Frame& a, const Frame& b, size_t pixel);

// Peak signal to noise ratio (peak 1) of RGB over all pixels of the frames.
double psnr(const std::map<int64_t, Frame>& a, const std::map<int64_t, Frame>& b);

}  // namespace tinct::test
