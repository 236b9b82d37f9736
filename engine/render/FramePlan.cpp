#include "engine/render/FramePlan.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "engine/Error.h"
#include "engine/io/FrameSequence.h"
#include "engine/media/MediaKind.h"
#include "engine/media/MovieInfo.h"

namespace fs = std::filesystem;

namespace tinct {

namespace {

std::string canonical(const std::string& path) { return fs::weakly_canonical(fs::absolute(path)).string(); }

}  // namespace

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

FramePlan planFrames(const FramePlanRequest& request) {
    if (request.outputPattern.empty()) throw Error("no output given (-o)");
    const InputFrames inputs = listInputFrames(request.inputPattern, request.frames, request.skipMissing);
    const FrameSequence out = FrameSequence::parse(request.outputPattern);
    FramePlan plan;
    plan.skipped = inputs.skipped;
    const size_t count = inputs.frames.size();
    const bool movieOut = mediaKindOf(request.outputPattern) == MediaKind::Movie;
    if (count > 1 && !out.isSequence() && !movieOut)
        throw Error("output " + request.outputPattern + " names one file for " + std::to_string(count) +
                    " frames: give a pattern such as graded.%06d.exr or graded.####.exr");

    std::set<std::string> sources;
    for (const auto& [n, input] : inputs.frames) {
        plan.frames.push_back({n, input, out.isSequence() && !movieOut ? out.pathFor(n) : request.outputPattern});
        sources.insert(canonical(input));
    }
    // Sources are never overwritten, whatever the patterns look like, and no two outputs collide.
    std::set<std::string> outputs;
    auto claim = [&](const std::string& path, const std::string& what) {
        const std::string c = canonical(path);
        if (sources.count(c)) throw Error(what + " " + path + " is one of the input frames; Tinct never overwrites its sources");
        if (!outputs.insert(c).second) throw Error(what + " " + path + " would be written twice");
    };
    if (movieOut) claim(request.outputPattern, "output");  // every frame goes into the one movie
    else
        for (const auto& p : plan.frames) claim(p.output, "output");
    for (const auto& side : request.sideOutputs) claim(side, "output");
    return plan;
}

}  // namespace tinct
