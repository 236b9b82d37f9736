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

std::vector<PlannedFrame> planFrames(const FramePlanRequest& request, std::vector<int>* skipped) {
    const FrameSequence in = FrameSequence::parse(request.inputPattern);
    const FrameSequence out = FrameSequence::parse(request.outputPattern);

    std::vector<int> numbers;
    if (!in.isSequence()) {
        if (!fs::exists(request.inputPattern)) throw Error(request.inputPattern + ": no such file");
        if (request.frames && request.frames->first != request.frames->last)
            throw Error(request.inputPattern + " is a single file, but --frames asks for " +
                        std::to_string(request.frames->last - request.frames->first + 1) + " frames");
        numbers.push_back(request.frames ? request.frames->first : 0);
    } else {
        const std::vector<int> present = in.scan();
        if (present.empty()) throw Error(request.inputPattern + ": no frames of this sequence exist");
        const FrameRange range = request.frames.value_or(FrameRange{present.front(), present.back()});
        const auto gaps = findGaps(present, range);
        if (!gaps.empty() && !request.skipMissing)
            throw Error(request.inputPattern + ": frames missing in " + std::to_string(range.first) + "-" +
                        std::to_string(range.last) + ": " + describeGaps(gaps) +
                        " (use --skip-missing to render the others)");
        const std::set<int> have(present.begin(), present.end());
        for (int f = range.first; f <= range.last; ++f) {
            if (have.count(f)) numbers.push_back(f);
            else if (skipped) skipped->push_back(f);
        }
        if (numbers.empty())
            throw Error(request.inputPattern + ": no frames in " + std::to_string(range.first) + "-" +
                        std::to_string(range.last) + " exist");
    }
    if (numbers.size() > 1 && !out.isSequence())
        throw Error("output " + request.outputPattern + " names one file for " + std::to_string(numbers.size()) +
                    " frames: give a pattern such as graded.%06d.exr or graded.####.exr");

    std::vector<PlannedFrame> plan;
    std::set<std::string> inputs;
    for (int n : numbers) {
        PlannedFrame p{n, in.isSequence() ? in.pathFor(n) : request.inputPattern,
                       out.isSequence() ? out.pathFor(n) : request.outputPattern};
        inputs.insert(canonical(p.input));
        plan.push_back(std::move(p));
    }
    // Sources are never overwritten, whatever the patterns look like.
    for (const auto& p : plan)
        if (inputs.count(canonical(p.output)))
            throw Error("output " + p.output + " is one of the input frames; Tinct never overwrites its sources");
    return plan;
}

}  // namespace tinct
