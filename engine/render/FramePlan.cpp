#include "engine/render/FramePlan.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "engine/Error.h"
#include "engine/io/FrameSequence.h"

namespace fs = std::filesystem;

namespace tinct {

namespace {

std::string canonical(const std::string& path) { return fs::weakly_canonical(fs::absolute(path)).string(); }

}  // namespace

FramePlan planFrames(const FramePlanRequest& request) {
    if (request.outputPattern.empty()) throw Error("no output given (-o)");
    const FrameSequence in = FrameSequence::parse(request.inputPattern);
    const FrameSequence out = FrameSequence::parse(request.outputPattern);

    FramePlan plan;
    std::vector<int> numbers;
    if (!in.isSequence()) {
        if (!fs::exists(request.inputPattern)) throw Error(request.inputPattern + ": no such file");
        if (request.frames && request.frames->first != request.frames->last)
            throw Error(request.inputPattern + " is a single file, but --frames asks for " +
                        std::to_string((long long)request.frames->last - request.frames->first + 1) + " frames");
        numbers.push_back(request.frames ? request.frames->first : 0);
    } else {
        const std::vector<int> present = in.scan();
        if (present.empty()) throw Error(request.inputPattern + ": no frames of this sequence exist");
        const FrameRange range = request.frames.value_or(FrameRange{present.front(), present.back()});
        plan.skipped = findGaps(present, range);
        if (!plan.skipped.empty() && !request.skipMissing)
            throw Error(request.inputPattern + ": frames missing in " + std::to_string(range.first) + "-" +
                        std::to_string(range.last) + ": " + describeGaps(plan.skipped) +
                        " (use --skip-missing to render the others)");
        for (int f : present)  // scan() is sorted; only frames on disk are visited, whatever the range
            if (f >= range.first && f <= range.last) numbers.push_back(f);
        if (numbers.empty())
            throw Error(request.inputPattern + ": no frames in " + std::to_string(range.first) + "-" +
                        std::to_string(range.last) + " exist");
    }
    if (numbers.size() > 1 && !out.isSequence())
        throw Error("output " + request.outputPattern + " names one file for " + std::to_string(numbers.size()) +
                    " frames: give a pattern such as graded.%06d.exr or graded.####.exr");

    std::set<std::string> inputs;
    for (int n : numbers) {
        PlannedFrame p{n, in.isSequence() ? in.pathFor(n) : request.inputPattern,
                       out.isSequence() ? out.pathFor(n) : request.outputPattern};
        inputs.insert(canonical(p.input));
        plan.frames.push_back(std::move(p));
    }
    // Sources are never overwritten, whatever the patterns look like, and no two outputs collide.
    std::set<std::string> outputs;
    auto claim = [&](const std::string& path, const std::string& what) {
        const std::string c = canonical(path);
        if (inputs.count(c)) throw Error(what + " " + path + " is one of the input frames; Tinct never overwrites its sources");
        if (!outputs.insert(c).second) throw Error(what + " " + path + " would be written twice");
    };
    for (const auto& p : plan.frames) claim(p.output, "output");
    for (const auto& side : request.sideOutputs) claim(side, "output");
    return plan;
}

}  // namespace tinct
