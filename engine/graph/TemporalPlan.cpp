#include "engine/graph/TemporalPlan.h"

#include <algorithm>
#include <functional>
#include <map>

namespace tinct {

namespace {

const FrameStep* temporalStepOf(const PixelInstr& in) {
    const FrameStep* f = in.step ? in.step->frameStep() : nullptr;
    return f && f->temporal() ? f : nullptr;
}

// The part of `program` computing `target`: the source stays the source, and each temporal step's
// result becomes a frame the part is given.
TemporalPart extractPart(const PixelProgram& program, uint32_t target, const std::map<uint32_t, size_t>& temporalAt) {
    TemporalPart part;
    std::map<uint32_t, uint32_t> mapped = {{0, 0}};
    std::function<uint32_t(uint32_t)> visit = [&](uint32_t i) -> uint32_t {
        if (auto it = mapped.find(i); it != mapped.end()) return it->second;
        const PixelInstr& in = program.instrs[i];
        uint32_t at;
        if (auto t = temporalAt.find(i); t != temporalAt.end()) {
            part.temporals.push_back(t->second);
            at = part.program.read(uint32_t(part.temporals.size()), in.step->frameStep()->outputKind());
        } else {
            std::vector<uint32_t> args;
            for (uint32_t a : in.args) args.push_back(visit(a));
            part.program.instrs.push_back({in.step, std::move(args), in.frame, in.kind});
            at = uint32_t(part.program.instrs.size() - 1);
        }
        mapped[i] = at;
        return at;
    };
    part.program.output = visit(target);
    const auto live = part.program.live();
    part.readsSource = live[0];
    return part;
}

}  // namespace

TemporalPlan planTime(const PixelProgram& program) {
    TemporalPlan plan;
    plan.values.push_back({0, FrameKind::Rgba, -1, 0});
    const auto live = program.live();
    std::map<uint32_t, size_t> temporalAt;  // instruction -> step
    std::map<std::pair<uint32_t, FrameKind>, size_t> valueAt;
    valueAt[{0, FrameKind::Rgba}] = 0;
    for (uint32_t i = 1; i < program.instrs.size(); ++i) {
        const FrameStep* f = temporalStepOf(program.instrs[i]);
        if (!f || !live[i]) continue;
        const uint32_t input = program.instrs[i].args.front();
        // The source read as a temporal step's input is the source value, whatever kind it asks for:
        // the ring keeps sources as RGBA.
        const auto key = std::make_pair(input, input == 0 ? FrameKind::Rgba : f->inputKind());
        if (!valueAt.count(key)) {
            valueAt[key] = plan.values.size();
            plan.values.push_back({input, key.second, -1, 0});
        }
        temporalAt[i] = plan.steps.size();
        plan.steps.push_back({program.instrs[i].step, f, valueAt[key], f->footprint().temporalRadius});
    }
    plan.parts.push_back(extractPart(program, program.output, temporalAt));
    for (size_t v = 1; v < plan.values.size(); ++v) {
        plan.values[v].part = int(plan.parts.size());
        plan.parts.push_back(extractPart(program, plan.values[v].instr, temporalAt));
    }
    // Reaches, from the output back: a value is needed as far out as the parts that read it are
    // needed, plus the radius of the temporal step between. Parts later in the program come first.
    std::vector<uint32_t> partReach(plan.parts.size(), 0);
    std::vector<size_t> order(plan.values.size() - 1);
    for (size_t v = 1; v < plan.values.size(); ++v) order[v - 1] = v;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return plan.values[a].instr > plan.values[b].instr; });
    auto spread = [&](size_t part, uint32_t reach) {
        for (size_t t : plan.parts[part].temporals) {
            TemporalValue& in = plan.values[plan.steps[t].input];
            in.reach = std::max(in.reach, reach + plan.steps[t].radius);
        }
        if (plan.parts[part].readsSource) plan.values[0].reach = std::max(plan.values[0].reach, reach);
    };
    spread(0, 0);
    for (size_t v : order) spread(size_t(plan.values[v].part), plan.values[v].reach);
    return plan;
}

bool TemporalPlan::keepsSource() const {
    if (!temporal()) return false;
    for (const auto& p : parts)
        if (p.readsSource && !p.fromSourceAlone()) return true;
    return std::any_of(steps.begin(), steps.end(), [](const TemporalStepPlan& s) { return s.input == 0; });
}

uint64_t TemporalPlan::footprintFrames() const {
    if (!temporal()) return 0;
    uint64_t frames = 0;
    for (size_t v = 0; v < values.size(); ++v)
        if (v > 0 || keepsSource()) frames += 2 * uint64_t(values[v].reach) + 1;
    return frames;
}

uint64_t TemporalPlan::footprintBytes(uint32_t width, uint32_t height) const {
    if (!temporal()) return 0;
    uint64_t bytes = 0;
    for (size_t v = 0; v < values.size(); ++v)
        if (v > 0 || keepsSource())
            bytes += (2 * uint64_t(values[v].reach) + 1) * width * height * bytesPerPixel(values[v].kind);
    return bytes;
}

uint64_t TemporalPlan::bytesPerFrame(uint32_t width, uint32_t height) const {
    uint64_t bytes = 0;
    for (size_t v = 0; v < values.size(); ++v)
        if (v > 0 || keepsSource()) bytes += uint64_t(width) * height * bytesPerPixel(values[v].kind);
    return bytes;
}

std::string TemporalPlan::describe() const {
    if (!temporal()) return planStages(parts.front().program).describe();
    std::string text;
    for (const auto& s : steps) {
        const TemporalValue& in = values[s.input];
        text += "temporal step: " + s.frame->describe() + ", reading frames n-" + std::to_string(s.radius) + " .. n+" +
                std::to_string(s.radius) + " of " + (s.input == 0 ? std::string("the source") : "its input") +
                " (" + s.frame->passes() + "); its input is needed at n-" + std::to_string(in.reach) + " .. n+" +
                std::to_string(in.reach) + ", computed once per frame and kept\n";
    }
    text += "the source is read at frames n-" + std::to_string(values[0].reach) + " .. n+" + std::to_string(values[0].reach) +
            "; clip ends mirror, frames across a cut or a gap are not neighbours\n";
    for (size_t p = 0; p < parts.size(); ++p) {
        std::string what = "the output";
        for (const auto& v : values)
            if (v.part == int(p)) what = "the input of a temporal step (" + std::string(frameKindName(v.kind)) + ")";
        text += "part " + std::to_string(p + 1) + ", making " + what + " at each frame:\n";
        const std::string stages = planStages(parts[p].program).describe();
        for (size_t at = 0; at < stages.size();) {
            const size_t end = std::min(stages.find('\n', at), stages.size() - 1);
            text += "  " + stages.substr(at, end - at + 1);
            at = end + 1;
        }
    }
    text += "GPU ring: " + std::to_string(footprintFrames()) + " frames at once for each frame made\n";
    return text;
}

}  // namespace tinct
