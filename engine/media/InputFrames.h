#pragma once
// Which source frames a job reads: the frames of a sequence, a single file, or a movie within an
// optional range, checked for gaps before any pixel is touched.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/io/FrameRange.h"
#include "engine/media/FrameSource.h"

namespace tinct {

struct InputFrames {
    std::vector<std::pair<int, std::string>> frames;  // number (the output's), file
    std::vector<int64_t> sourceFrames;                // the source's number for each (a single file's is 0)
    std::vector<std::pair<int, int>> skipped;         // runs of missing frames passed over
    bool sequence = false;
};

// The frames of `source` within `range` (all of them when absent). Throws tinct::Error naming the
// source for: a range outside a movie, frames missing from a sequence's range (listing the gaps)
// unless skipMissing, a range of several frames on a single file, no frames in the range.
InputFrames listInputFrames(const FrameSource& source, const std::optional<FrameRange>& range, bool skipMissing);

}  // namespace tinct
