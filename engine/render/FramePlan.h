#pragma once
// Which files a render reads and writes, worked out and checked before any pixel is touched:
// missing frames, an output that would overwrite a source, a sequence written to one file.
#include <optional>
#include <string>
#include <vector>

#include "engine/io/FrameRange.h"

namespace tinct {

struct PlannedFrame {
    int number = 0;
    std::string input, output;
};

struct FramePlanRequest {
    std::string inputPattern, outputPattern;
    std::optional<FrameRange> frames;  // all frames present when absent
    bool skipMissing = false;
};

// Throws tinct::Error for: no frames, frames missing from the range (listing the gaps) unless
// skipMissing, an output pattern without a frame number for several frames, an output that is one
// of the inputs.
std::vector<PlannedFrame> planFrames(const FramePlanRequest& request, std::vector<int>* skipped = nullptr);

}  // namespace tinct
