#pragma once
// Which files a render reads and writes, worked out and checked before any pixel is touched:
// missing frames, an output that would overwrite a source, a sequence written to one file.
#include <optional>
#include <string>
#include <vector>

#include "engine/io/FrameRange.h"
#include "engine/media/InputFrames.h"

namespace tinct {

struct PlannedFrame {
    int number = 0;           // as the output names it
    int64_t sourceFrame = 0;  // the source's frame it is made from
    std::string input, output;
};

struct FramePlanRequest {
    std::string inputPattern, outputPattern;
    std::optional<FrameRange> frames;  // all frames present when absent
    bool skipMissing = false;
    std::vector<std::string> sideOutputs;  // other files the job writes (--stats), checked likewise
};

struct FramePlan {
    std::vector<PlannedFrame> frames;
    std::vector<std::pair<int, int>> skipped;  // runs of missing frames passed over (--skip-missing)
};

// The frames of `source` (opened from request.inputPattern) the request asks for. Throws tinct::Error
// for: no frames, frames missing from the range (listing the gaps) unless skipMissing, an output
// pattern without a frame number for several frames, an output (frame or side output) that is one
// of the inputs or another output.
FramePlan planFrames(const FrameSource& source, const FramePlanRequest& request);

}  // namespace tinct
