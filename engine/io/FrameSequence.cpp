#include "engine/io/FrameSequence.h"

#include "engine/Error.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <system_error>

namespace tinct {
namespace {

struct PatternMatch {
    size_t start = 0, length = 0;
    int padding = 0;
};

// The frame-number pattern starting at name[i], if there is one.
std::optional<PatternMatch> patternAt(const std::string& name, size_t i,
                                      const std::string& pattern) {
    const char c = name[i];
    if (c == '#' || c == '@') {
        size_t end = i;
        while (end < name.size() && name[end] == c) ++end;
        return PatternMatch{i, end - i, int(end - i)};
    }
    if (c != '%') return std::nullopt;
    size_t end = i + 1;
    while (end < name.size() && std::isdigit((unsigned char)name[end])) ++end;
    if (end >= name.size() || name[end] != 'd') return std::nullopt;  // a literal '%'
    const std::string width = name.substr(i + 1, end - i - 1);
    if (!width.empty() && width[0] != '0')
        throw Error("frame pattern '" + pattern + "': %" + width +
                    "d pads with spaces; use %0" + width + "d for zero padding");
    int padding = 0;
    std::from_chars(width.data(), width.data() + width.size(), padding);
    if (width.size() > 3 || padding > 32)
        throw Error("frame pattern '" + pattern + "': padding " + width + " is too wide");
    return PatternMatch{i, end - i + 1, padding};
}

}  // namespace

FrameSequence FrameSequence::parse(const std::string& pattern) {
    FrameSequence sequence;
    sequence.pattern_ = pattern;
    const size_t slash = pattern.rfind('/');
    sequence.directory_ = slash == std::string::npos ? "" : pattern.substr(0, slash + 1);
    const std::string name = pattern.substr(sequence.directory_.size());

    std::optional<PatternMatch> found;
    for (size_t i = 0; i < name.size();) {
        const auto match = patternAt(name, i, pattern);
        if (!match) { ++i; continue; }
        if (found)
            throw Error("frame pattern '" + pattern +
                        "' has more than one frame-number pattern in its file name");
        found = match;
        i += match->length;
    }
    if (!found) {
        sequence.prefix_ = name;
        return sequence;
    }
    sequence.isSequence_ = true;
    sequence.padding_ = found->padding;
    sequence.prefix_ = name.substr(0, found->start);
    sequence.suffix_ = name.substr(found->start + found->length);
    return sequence;
}

std::string FrameSequence::fileNameFor(int frame) const {
    if (!isSequence_) return prefix_;
    const long long magnitude = std::llabs((long long)frame);
    std::string digits = std::to_string(magnitude);
    if (int(digits.size()) < padding_) digits.insert(0, size_t(padding_) - digits.size(), '0');
    return prefix_ + (frame < 0 ? "-" : "") + digits + suffix_;
}

std::string FrameSequence::pathFor(int frame) const {
    return directory_ + fileNameFor(frame);
}

std::vector<int> FrameSequence::scan() const {
    std::vector<int> frames;
    if (!isSequence_) return frames;
    const std::filesystem::path directory = directory_.empty() ? "." : directory_;
    std::error_code ec;
    std::filesystem::directory_iterator it(directory, ec), end;
    if (ec)
        throw Error("cannot list " + directory.string() + " for sequence '" + pattern_ +
                    "': " + ec.message());
    for (; it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.size() <= prefix_.size() + suffix_.size() || !name.starts_with(prefix_) ||
            !name.ends_with(suffix_))
            continue;
        const std::string_view number(name.data() + prefix_.size(),
                                      name.size() - prefix_.size() - suffix_.size());
        int frame = 0;
        const auto [stop, error] = std::from_chars(number.data(), number.data() + number.size(), frame);
        // Round-tripping through fileNameFor applies every padding and sign rule at once.
        if (error != std::errc() || stop != number.data() + number.size() ||
            fileNameFor(frame) != name)
            continue;
        std::error_code typeError;
        if (it->is_regular_file(typeError)) frames.push_back(frame);
    }
    if (ec)
        throw Error("cannot list " + directory.string() + " for sequence '" + pattern_ +
                    "': " + ec.message());
    std::sort(frames.begin(), frames.end());
    return frames;
}

nlohmann::json describeSequence(const FrameSequence& sequence) {
    nlohmann::json info;
    info["pattern"] = sequence.pattern();
    info["sequence"] = sequence.isSequence();
    if (!sequence.isSequence()) {
        std::error_code ec;
        info["exists"] = std::filesystem::exists(sequence.pattern(), ec);
        return info;
    }
    info["padding"] = sequence.padding();
    const std::vector<int> frames = sequence.scan();
    info["count"] = frames.size();
    if (frames.empty()) {
        info["first"] = info["last"] = nullptr;
        info["missing"] = 0;
        info["gaps"] = nlohmann::json::array();
        info["gapsText"] = "";
        return info;
    }
    info["first"] = frames.front();
    info["last"] = frames.back();
    const auto gaps = findGaps(frames, {frames.front(), frames.back()});
    long long missing = 0;
    nlohmann::json gapList = nlohmann::json::array();
    for (const auto& [first, last] : gaps) {
        missing += (long long)last - first + 1;
        gapList.push_back({first, last});
    }
    info["missing"] = missing;
    info["gaps"] = gapList;
    info["gapsText"] = describeGaps(gaps);
    return info;
}

}  // namespace tinct
