#pragma once
// Test media made by the ffmpeg program, and ffmpeg's own decode of it: the independent side of
// every movie test. Charts are smooth (ramps and low-frequency waves) so that 4:2:x chroma filters,
// which legitimately differ between implementations, change little.
#include <string>
#include <vector>

namespace tinct::test {

struct Picture {
    int width = 0, height = 0;
    std::vector<float> rgba;  // interleaved, rows top to bottom
};

// A smooth RGBA chart with every value in [0.02, 0.98]; `frame` shifts it so frames differ.
Picture smoothChart(int width, int height, int frame = 0);

// Writes `frames` charts as raw gbrapf32le (ffmpeg's planar float RGBA) to `path`.
void writeRawChart(const std::string& path, int width, int height, int frames);

// Runs `ffmpeg -hide_banner -loglevel error -y ARGS`; returns its exit status.
int ffmpeg(const std::string& args);
// Runs a shell command and returns what it printed on stdout.
std::string commandOutput(const std::string& command);

// ffmpeg's decode of frame `frame` of `path` (its subsampled chroma brought to 4:4:4 by its own
// swscale, nothing else converted), turned into R'G'B'A here in double precision by the closed form of
// the stream's matrix and range (ITU-R BT.601/709/2020 luma weights, video or full levels). Not
// swscale's RGB output: it scales 10-bit video white to 0.996, not 1.0, which would swamp a 1e-3 test.
Picture ffmpegDecode(const std::string& path, int frame = 0);

// Largest absolute difference over R, G, B (and A when `alpha`), and PSNR over R, G, B in dB for a
// peak of 1.
double maxDifference(const Picture& a, const Picture& b, bool alpha = false);
double psnr(const Picture& a, const Picture& b);
// Per channel: the largest difference, where, and both values; for failure messages.
std::string describeDifference(const Picture& a, const Picture& b);

// Reads an EXR written by Tinct (RGBA) as a Picture.
Picture readExrPicture(const std::string& path);

std::string quote(const std::string& s);

}  // namespace tinct::test
