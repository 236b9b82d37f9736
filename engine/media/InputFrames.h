#pragma once
// Which source frames a job reads: the frames of a sequence, a single file, or a movie within an
// optional range, checked for gaps before any pixel is touched.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/io/FrameRange.h"

namespace tinct {

// The source frames of a pattern (or one file) within an optional range: what a render or a scope
// job reads. Throws tinct::Error as planFrames does for the input side.
struct InputFrames {
    std::vector<std::pair<int, std::string>> frames;  // number, path
    std::vector<std::pair<int, int>> skipped;         // runs of missing frames passed over
    bool sequence = false;
};
InputFrames listInputFrames(const std::string& pattern, const std::optional<FrameRange>& range, bool skipMissing);

}  // namespace tinct
