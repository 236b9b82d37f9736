#pragma once
// The motion service's field between two frames, brought back to the host: what the station draws
// over the viewer to show what the restoration nodes see move. The field from `current` to `next`,
// checked against the field back (a block whose two vectors do not meet again is unreliable), at full
// size (a quarter pixel), every few blocks kept so that arrows drawn from them can be told apart.
#include <cstdint>
#include <vector>

#include "engine/io/Frame.h"

namespace tinct {

class GpuContext;

struct MotionBlock {
    float x = 0, y = 0;    // the block's centre, in frame pixels
    float dx = 0, dy = 0;  // where it is in the next frame, relative, in frame pixels
    float error = 0;       // the match's mean truncated luma difference
    float miss = 0;        // frame pixels by which the field back misses the start
};

struct MotionField {
    uint32_t blocksX = 0, blocksY = 0;
    uint32_t blockPixels = 0;  // the spacing of the blocks kept, in frame pixels
    std::vector<MotionBlock> blocks;  // rows of blocksX
};

// `current` and `next`: RGBA32F frames of one size. `spacing`: about how far apart the blocks kept
// should be, in frame pixels (a multiple of the field's 4, not above it where it can be). Throws
// tinct::Error for frames of different sizes.
MotionField probeMotion(GpuContext& gpu, const Frame& current, const Frame& next, uint32_t spacing = 32);

}  // namespace tinct
