#include "engine/media/InputFrames.h"

#include <filesystem>

#include "engine/Error.h"
#include "engine/io/FrameSequence.h"
#include "engine/media/MediaKind.h"
#include "engine/media/MovieInfo.h"

namespace fs = std::filesystem;

namespace tinct {

InputFrames listInputFrames(const std::string& pattern, const std::optional<FrameRange>& frames, bool skipMissing) {
    InputFrames result;
    if (mediaKindOf(pattern) == MediaKind::Movie) {  // frames are numbered from 0 within the movie
        const MovieInfo movie = probeMovie(pattern);
        if (movie.frames <= 0) throw Error(pattern + ": the movie holds no frames");
        const FrameRange range = frames.value_or(FrameRange{0, int(movie.frames - 1)});
        if (range.first < 0 || range.last >= movie.frames)
            throw Error(pattern + ": --frames " + std::to_string(range.first) + "-" + std::to_string(range.last) +
                        " is outside the movie's frames 0-" + std::to_string(movie.frames - 1));
        for (int f = range.first; f <= range.last; ++f) result.frames.push_back({f, pattern});
        result.sequence = true;
        return result;
    }
    const FrameSequence in = FrameSequence::parse(pattern);
    result.sequence = in.isSequence();
    if (!in.isSequence()) {
        if (!fs::exists(pattern)) throw Error(pattern + ": no such file");
        if (frames && frames->first != frames->last)
            throw Error(pattern + " is a single file, but --frames asks for " +
                        std::to_string((long long)frames->last - frames->first + 1) + " frames");
        result.frames.push_back({frames ? frames->first : 0, pattern});
        return result;
    }
    const std::vector<int> present = in.scan();
    if (present.empty()) throw Error(pattern + ": no frames of this sequence exist");
    const FrameRange range = frames.value_or(FrameRange{present.front(), present.back()});
    result.skipped = findGaps(present, range);
    if (!result.skipped.empty() && !skipMissing)
        throw Error(pattern + ": frames missing in " + std::to_string(range.first) + "-" + std::to_string(range.last) +
                    ": " + describeGaps(result.skipped) + " (use --skip-missing to go on without them)");
    for (int f : present)  // scan() is sorted; only frames on disk are visited, whatever the range
        if (f >= range.first && f <= range.last) result.frames.push_back({f, in.pathFor(f)});
    if (result.frames.empty())
        throw Error(pattern + ": no frames in " + std::to_string(range.first) + "-" + std::to_string(range.last) + " exist");
    return result;
}

}  // namespace tinct
