#include "engine/media/InputFrames.h"

#include "engine/Error.h"

namespace tinct {

InputFrames listInputFrames(const FrameSource& source, const std::optional<FrameRange>& frames, bool skipMissing) {
    InputFrames result;
    const std::string& pattern = source.path();
    const auto& present = source.frames();
    result.sequence = source.isSequence();
    if (source.kind() == MediaKind::Movie) {  // frames are numbered from 0 within the movie
        const int64_t count = int64_t(present.size());
        const FrameRange range = frames.value_or(FrameRange{0, int(count - 1)});
        if (range.first < 0 || range.last >= count)
            throw Error(pattern + ": --frames " + std::to_string(range.first) + "-" + std::to_string(range.last) +
                        " is outside the movie's frames 0-" + std::to_string(count - 1));
        for (int f = range.first; f <= range.last; ++f) {
            result.frames.push_back({f, pattern});
            result.sourceFrames.push_back(f);
        }
        return result;
    }
    if (!source.isSequence()) {
        if (frames && frames->first != frames->last)
            throw Error(pattern + " is a single file, but --frames asks for " +
                        std::to_string((long long)frames->last - frames->first + 1) + " frames");
        result.frames.push_back({frames ? frames->first : 0, pattern});
        result.sourceFrames.push_back(present.front());
        return result;
    }
    const FrameRange range = frames.value_or(FrameRange{int(present.front()), int(present.back())});
    result.skipped = findGaps(std::vector<int>(present.begin(), present.end()), range);
    if (!result.skipped.empty() && !skipMissing)
        throw Error(pattern + ": frames missing in " + std::to_string(range.first) + "-" + std::to_string(range.last) +
                    ": " + describeGaps(result.skipped) + " (use --skip-missing to go on without them)");
    for (int64_t f : present)  // only frames on disk are visited, whatever the range
        if (f >= range.first && f <= range.last) {
            result.frames.push_back({int(f), source.fileOf(f)});
            result.sourceFrames.push_back(f);
        }
    if (result.frames.empty())
        throw Error(pattern + ": no frames in " + std::to_string(range.first) + "-" + std::to_string(range.last) + " exist");
    return result;
}

}  // namespace tinct
