#pragma once
// The small pictures of `restore report`'s contact sheet: a frame shrunk by a box filter to 8-bit,
// its values shown as they are (clamped to 0..1; a log scan looks as a log scan looks, colour flags
// convert first), and the repair mattes laid over it in each node's colour. A repaired pixel marks
// the whole thumbnail pixel it falls in, so a 3-pixel blotch of a 2K frame stays visible at 400 px.
#include <array>
#include <cstdint>
#include <vector>

#include "engine/io/Frame.h"

namespace tinct {

using Rgb8 = std::array<uint8_t, 3>;

struct Thumbnail {
    int width = 0, height = 0;
    std::vector<uint8_t> rgb;  // width * height * 3, rows top to bottom
};

// The height a frame of width x height has at `thumbWidth` (at least 1).
int thumbnailHeight(int width, int height, int thumbWidth);

// Thumbnail pixel (x, y) covers the frame's pixels [x * W / tw, (x + 1) * W / tw) (and likewise in
// y): their mean, clamped to 0..1, NaN as 0, times 255, rounded. `frame` is RGBA32F.
Thumbnail shrinkFrame(const Frame& frame, int thumbWidth);

// A matte packed one bit per pixel as RepairTally packs it (rows of ceil(width / 32) words).
struct PackedMatte {
    const uint32_t* bits = nullptr;
    uint32_t width = 0, height = 0;
    bool at(uint32_t x, uint32_t y) const { return (bits[size_t(y) * ((width + 31) / 32) + x / 32] >> (x % 32)) & 1u; }
};

// Tints each thumbnail pixel that covers a repaired pixel of `matte` (the frame's size) with
// `colour`: 35% picture, 65% colour. Thumbnail pixels cover the frame as shrinkFrame's do.
void overlayMatte(Thumbnail& thumb, const PackedMatte& matte, Rgb8 colour);

}  // namespace tinct
