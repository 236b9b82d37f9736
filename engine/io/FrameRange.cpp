#include "engine/io/FrameRange.h"

#include "engine/Error.h"

#include <algorithm>
#include <charconv>

namespace tinct {
namespace {

[[noreturn]] void badRange(std::string_view text, const std::string& why) {
    throw Error("invalid frame range '" + std::string(text) + "': " + why +
                " (expected FIRST-LAST or FRAME, e.g. 1001-1100)");
}

// Parses an optionally negative integer at the start of rest and advances past it.
int takeFrame(std::string_view& rest, std::string_view text) {
    int value = 0;
    const auto [end, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), value);
    if (ec == std::errc::result_out_of_range) badRange(text, "frame number out of range");
    if (ec != std::errc()) badRange(text, "not a number");
    rest.remove_prefix(size_t(end - rest.data()));
    return value;
}

}  // namespace

FrameRange parseFrameRange(std::string_view text) {
    if (text.empty()) badRange(text, "empty");
    std::string_view rest = text;
    FrameRange range;
    range.first = range.last = takeFrame(rest, text);
    if (!rest.empty()) {
        if (rest.front() != '-') badRange(text, "unexpected '" + std::string(rest) + "'");
        rest.remove_prefix(1);
        if (rest.empty()) badRange(text, "missing last frame");
        range.last = takeFrame(rest, text);
        if (!rest.empty()) badRange(text, "unexpected '" + std::string(rest) + "'");
    }
    if (range.last < range.first) badRange(text, "last frame is before first frame");
    return range;
}

std::vector<FrameRange> parseFrameList(std::string_view text) {
    std::vector<FrameRange> out;
    if (text.find_first_not_of(' ') == std::string_view::npos) return out;  // no frames
    for (;;) {  // every part between commas is a range, the last one after a comma too
        const size_t comma = text.find(',');
        std::string_view part = text.substr(0, comma);
        while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
        while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
        out.push_back(parseFrameRange(part));
        if (comma == std::string_view::npos) return out;
        text.remove_prefix(comma + 1);
    }
}

std::vector<std::pair<int, int>> findGaps(const std::vector<int>& present, FrameRange range) {
    std::vector<int> frames;
    for (int f : present)
        if (f >= range.first && f <= range.last) frames.push_back(f);
    std::sort(frames.begin(), frames.end());
    frames.erase(std::unique(frames.begin(), frames.end()), frames.end());

    // 64-bit so that a range ending at INT_MAX does not overflow when stepping past it.
    std::vector<std::pair<int, int>> gaps;
    long long next = range.first;
    for (int f : frames) {
        if (f > next) gaps.emplace_back(int(next), f - 1);
        next = (long long)f + 1;
    }
    if (next <= range.last) gaps.emplace_back(int(next), range.last);
    return gaps;
}

std::string describeGaps(const std::vector<std::pair<int, int>>& gaps) {
    std::string text;
    for (const auto& [first, last] : gaps) {
        if (!text.empty()) text += ", ";
        text += std::to_string(first);
        if (last != first) text += "-" + std::to_string(last);
    }
    return text;
}

}  // namespace tinct
