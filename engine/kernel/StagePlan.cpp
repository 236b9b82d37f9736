#include "engine/kernel/StagePlan.h"

#include <functional>
#include <map>

#include "engine/Error.h"

namespace tinct {

namespace {

// The part of `program` that computes `target`, reading the source, the frames the program was given
// and the frame stages' results in `results` (instruction -> stage) as frames.
KernelStage extract(const PixelProgram& program, uint32_t target, const std::map<uint32_t, size_t>& results,
                    const StagePlan& plan) {
    KernelStage stage;
    std::map<uint32_t, uint32_t> mapped = {{0, 0}};
    auto readOf = [&](FrameRef ref, FrameKind kind) {
        for (size_t f = 0; f < stage.frames.size(); ++f)
            if (stage.frames[f] == ref) return stage.program.read(uint32_t(f + 1), kind);
        stage.frames.push_back(ref);
        return stage.program.read(uint32_t(stage.frames.size()), kind);
    };
    std::function<uint32_t(uint32_t)> visit = [&](uint32_t i) -> uint32_t {
        if (auto it = mapped.find(i); it != mapped.end()) return it->second;
        uint32_t at;
        const PixelInstr& in = program.instrs[i];
        if (auto r = results.find(i); r != results.end()) {
            at = readOf({false, r->second}, plan.outputKind(r->second));
        } else if (!in.step) {
            at = readOf({true, in.frame}, in.kind);
        } else {
            std::vector<uint32_t> args;
            for (uint32_t a : in.args) args.push_back(visit(a));
            stage.program.instrs.push_back({in.step, std::move(args), 0});
            at = uint32_t(stage.program.instrs.size() - 1);
        }
        mapped[i] = at;
        return at;
    };
    stage.program.output = visit(target);
    return stage;
}

}  // namespace

StagePlan planStages(const PixelProgram& program) {
    StagePlan plan;
    std::map<uint32_t, size_t> results;  // instruction -> the frame stage holding its value
    const auto live = program.live();
    for (uint32_t i = 1; i < program.instrs.size(); ++i) {
        const PixelInstr& in = program.instrs[i];
        if (!in.step) plan.givenFrames = std::max(plan.givenFrames, in.frame);
        if (!live[i] || !in.step || !in.step->frameStep()) continue;
        const FrameStep* frame = in.step->frameStep();
        if (frame->temporal()) throw Error("internal error: a frame program was given the temporal step " + frame->describe());
        FrameStage s{in.step, frame, in.step->describe(), -1};
        const uint32_t input = in.args.front();
        const auto r = results.find(input);
        if (r != results.end() && plan.outputKind(r->second) == frame->inputKind()) {
            s.input = int(r->second);
        } else {
            KernelStage k = extract(program, input, results, plan);
            k.feeds = int(plan.frames.size());
            plan.order.push_back({int(plan.kernels.size()), -1});
            plan.kernels.push_back(std::move(k));
        }
        results[i] = plan.frames.size();
        plan.order.push_back({-1, int(plan.frames.size())});
        plan.frames.push_back(s);
    }
    plan.order.push_back({int(plan.kernels.size()), -1});
    plan.kernels.push_back(extract(program, program.output, results, plan));
    return plan;
}

bool StagePlan::sameShape(const StagePlan& other) const {
    if (kernels.size() != other.kernels.size() || frames.size() != other.frames.size() || givenFrames != other.givenFrames)
        return false;
    for (size_t s = 0; s < frames.size(); ++s)
        if (frames[s].input != other.frames[s].input || frames[s].frame->structure() != other.frames[s].frame->structure())
            return false;
    for (size_t k = 0; k < kernels.size(); ++k)
        if (kernels[k].frames != other.kernels[k].frames || kernels[k].feeds != other.kernels[k].feeds) return false;
    return true;
}

std::string StagePlan::describe() const {
    std::string text;
    int n = 0;
    for (const Stage& stage : order) {
        text += "kernel " + std::to_string(++n) + ": ";
        if (stage.frame >= 0) {
            const FrameStage& s = frames[size_t(stage.frame)];
            const Footprint f = s.frame->footprint();
            text += s.what + " (" + s.frame->passes() + "; reaches " + std::to_string(f.spatialRadius) + " px";
            if (s.frame->inputKind() != FrameKind::Rgba || s.frame->outputKind() != FrameKind::Rgba)
                text += std::string("; ") + frameKindName(s.frame->inputKind()) + " to " + frameKindName(s.frame->outputKind());
            text += s.input >= 0 ? "; on the result of " + frames[size_t(s.input)].what + ")\n" : ")\n";
            continue;
        }
        const KernelStage& k = kernels[size_t(stage.kernel)];
        text += "fused point kernel, one read and one write of the frame";
        if (!k.frames.empty()) {
            text += "; also reads";
            for (size_t f = 0; f < k.frames.size(); ++f)
                text += (f ? ", " : " ") + (k.frames[f].given ? "given frame " + std::to_string(k.frames[f].index)
                                                              : "the result of " + frames[k.frames[f].index].what);
        }
        text += k.feeds >= 0 ? "; feeds " + frames[size_t(k.feeds)].what + "\n" : "\n";
        int step = 0;
        for (const auto& in : k.program.instrs)
            if (in.step) text += "  " + std::to_string(++step) + ". " + in.step->describe() + "\n";
        if (step == 0) text += "  no steps (NaN/Inf replaced, values otherwise unchanged)\n";
    }
    return text;
}

}  // namespace tinct
