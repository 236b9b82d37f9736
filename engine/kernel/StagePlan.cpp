#include "engine/kernel/StagePlan.h"

#include <functional>
#include <map>

namespace tinct {

namespace {

// The part of `program` that computes `target`, reading the source and the spatial results in
// `results` (instruction -> spatial stage) as frames.
KernelStage extract(const PixelProgram& program, uint32_t target, const std::map<uint32_t, size_t>& results) {
    KernelStage stage;
    std::map<uint32_t, uint32_t> mapped = {{0, 0}};
    std::function<uint32_t(uint32_t)> visit = [&](uint32_t i) -> uint32_t {
        if (auto it = mapped.find(i); it != mapped.end()) return it->second;
        uint32_t at;
        if (auto r = results.find(i); r != results.end()) {
            stage.frames.push_back(r->second);
            stage.program.instrs.push_back({nullptr, {}, uint32_t(stage.frames.size())});
            at = uint32_t(stage.program.instrs.size() - 1);
        } else {
            const PixelInstr& in = program.instrs[i];
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

std::vector<bool> reachable(const PixelProgram& program) {
    std::vector<bool> live(program.instrs.size(), false);
    live[program.output] = true;
    for (size_t i = program.instrs.size(); i-- > 0;)
        if (live[i])
            for (uint32_t a : program.instrs[i].args) live[a] = true;
    return live;
}

}  // namespace

StagePlan planStages(const PixelProgram& program) {
    StagePlan plan;
    std::map<uint32_t, size_t> results;  // instruction -> the spatial stage holding its value
    const auto live = reachable(program);
    for (uint32_t i = 1; i < program.instrs.size(); ++i) {
        const PixelInstr& in = program.instrs[i];
        if (!live[i] || !in.step->spatial()) continue;
        SpatialStage s{in.step, in.step->spatial(), in.step->describe(), -1};
        const uint32_t input = in.args.front();
        if (auto r = results.find(input); r != results.end()) {
            s.input = int(r->second);
        } else {
            KernelStage k = extract(program, input, results);
            k.feeds = int(plan.spatial.size());
            plan.order.push_back({int(plan.kernels.size()), -1});
            plan.kernels.push_back(std::move(k));
        }
        results[i] = plan.spatial.size();
        plan.order.push_back({-1, int(plan.spatial.size())});
        plan.spatial.push_back(s);
    }
    plan.order.push_back({int(plan.kernels.size()), -1});
    plan.kernels.push_back(extract(program, program.output, results));
    return plan;
}

std::string StagePlan::describe() const {
    std::string text;
    int n = 0;
    for (const Stage& stage : order) {
        text += "kernel " + std::to_string(++n) + ": ";
        if (stage.spatial >= 0) {
            const SpatialStage& s = spatial[size_t(stage.spatial)];
            text += s.what + " (two separable passes";
            text += s.input >= 0 ? ", on the result of " + spatial[size_t(s.input)].what + ")\n" : ")\n";
            continue;
        }
        const KernelStage& k = kernels[size_t(stage.kernel)];
        text += "fused point kernel, one read and one write of the frame";
        if (!k.frames.empty()) {
            text += "; also reads the result of";
            for (size_t f = 0; f < k.frames.size(); ++f) text += (f ? ", " : " ") + spatial[k.frames[f]].what;
        }
        text += k.feeds >= 0 ? "; feeds " + spatial[size_t(k.feeds)].what + "\n" : "\n";
        int step = 0;
        for (const auto& in : k.program.instrs)
            if (in.step) text += "  " + std::to_string(++step) + ". " + in.step->describe() + "\n";
        if (step == 0) text += "  no steps (NaN/Inf replaced, values otherwise unchanged)\n";
    }
    return text;
}

}  // namespace tinct
