#pragma once
// Image sequences named by a pattern: comp.%04d.exr (printf style), comp.####.exr or
// comp.@@@@.exr (one digit of padding per character). A path without a pattern is one file.
#include "engine/io/FrameRange.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace tinct {

class FrameSequence {
public:
    // Only the file name may hold the pattern (a '#' in a directory name is taken literally).
    // Throws tinct::Error for two patterns in one name or a space-padded %Nd.
    static FrameSequence parse(const std::string& pattern);

    bool isSequence() const { return isSequence_; }
    const std::string& pattern() const { return pattern_; }
    // Minimum digits of a frame number; 0 for %d (no padding).
    int padding() const { return padding_; }

    // The file of one frame: zero-padded to padding(), with a '-' before negative frames
    // (frame -5 with #### is "-0005"). For a single file, the file itself.
    std::string pathFor(int frame) const;

    // The frames present on disk, ascending: every regular file in the pattern's directory whose
    // name pathFor() would produce. Numbers longer than the padding match (10000 for ####),
    // shorter or wrongly zero-padded ones do not. Empty for a single file. Throws tinct::Error
    // if the directory cannot be listed.
    std::vector<int> scan() const;

private:
    std::string pattern_;
    std::string directory_;  // up to and including the last '/', or ""
    std::string prefix_, suffix_;
    int padding_ = 0;
    bool isSequence_ = false;

    std::string fileNameFor(int frame) const;
};

// For `tinct info` on a pattern: {"pattern", "sequence", and for a sequence "padding", "first",
// "last", "count", "missing", "gaps": [[first, last], ...], "gapsText"; for a single file
// "exists"}. first and last are null when no frame is present.
nlohmann::json describeSequence(const FrameSequence& sequence);

}  // namespace tinct
