#include "engine/render/FramePlan.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "engine/Error.h"
#include "engine/io/FrameSequence.h"
#include "engine/media/MediaKind.h"
#include "engine/media/InputFrames.h"

namespace fs = std::filesystem;

namespace tinct {

namespace {

std::string canonical(const std::string& path) { return fs::weakly_canonical(fs::absolute(path)).string(); }

}  // namespace

FramePlan planFrames(const FrameSource& source, const FramePlanRequest& request) {
    if (request.outputPattern.empty()) throw Error("no output given (-o)");
    const InputFrames inputs = listInputFrames(source, request.frames, request.skipMissing);
    const FrameSequence out = FrameSequence::parse(request.outputPattern);
    FramePlan plan;
    plan.skipped = inputs.skipped;
    const size_t count = inputs.frames.size();
    const bool movieOut = mediaKindOf(request.outputPattern) == MediaKind::Movie;
    if (count > 1 && !out.isSequence() && !movieOut)
        throw Error("output " + request.outputPattern + " names one file for " + std::to_string(count) +
                    " frames: give a pattern such as graded.%06d.exr or graded.####.exr");

    std::set<std::string> sources;
    for (size_t i = 0; i < count; ++i) {
        const auto& [n, input] = inputs.frames[i];
        plan.frames.push_back({n, inputs.sourceFrames[i], input, out.isSequence() && !movieOut ? out.pathFor(n) : request.outputPattern});
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
