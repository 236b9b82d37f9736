#pragma once
// Frame ranges as users type them ("1001-1100", "1001") and the gaps in a rendered or scanned
// sequence, which QC and resumed renders report.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tinct {

struct FrameRange {
    int first = 0, last = 0;  // inclusive
    bool operator==(const FrameRange&) const = default;
};

// "1001-1100", "1001", negative frames too ("-5--1"). Throws tinct::Error for anything else,
// including reversed ranges and numbers out of range.
FrameRange parseFrameRange(std::string_view text);

// "1012, 1040-1042": ranges as parseFrameRange takes them, separated by commas (spaces allowed); ""
// is no frames. Throws tinct::Error naming the part that is wrong.
std::vector<FrameRange> parseFrameList(std::string_view text);

// The runs of frames in range that are not in present (which need not be sorted or unique),
// as inclusive (first, last) pairs in ascending order.
std::vector<std::pair<int, int>> findGaps(const std::vector<int>& present, FrameRange range);

// "1003, 1010-1012"; "" when there are no gaps.
std::string describeGaps(const std::vector<std::pair<int, int>>& gaps);

}  // namespace tinct
