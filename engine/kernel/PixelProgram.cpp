#include "engine/kernel/PixelProgram.h"

#include "engine/Error.h"

namespace tinct {

PixelProgram PixelProgram::serial(const PointSteps& steps) {
    PixelProgram program;
    for (const auto& step : steps) program.append(step, {program.output});
    return program;
}

uint32_t PixelProgram::append(const std::shared_ptr<const PointStep>& step, std::vector<uint32_t> args) {
    for (uint32_t a : args)
        if (a >= instrs.size()) throw Error("internal error: a pixel instruction reads one that comes after it");
    if (const PixelProgram* inner = step->graph()) {
        if (args.size() != 1) throw Error("internal error: a graph step takes one frame");
        // The inner program's reads of its source become our argument; the rest shift along.
        std::vector<uint32_t> at(inner->instrs.size());
        at[0] = args[0];
        for (size_t i = 1; i < inner->instrs.size(); ++i) {
            const PixelInstr& in = inner->instrs[i];
            if (!in.step) throw Error("internal error: a graph step reads a frame of its own");
            std::vector<uint32_t> mapped;
            for (uint32_t a : in.args) mapped.push_back(at[a]);
            at[i] = append(in.step, std::move(mapped));
        }
        output = at[inner->output];
        return output;
    }
    if (step->frameStep() ? args.size() != 1 : args.size() != step->arity())
        throw Error("internal error: " + step->describe() + " takes " + std::to_string(step->arity()) + " values, given " +
                    std::to_string(args.size()));
    instrs.push_back({step, std::move(args), 0});
    output = uint32_t(instrs.size() - 1);
    return output;
}

uint32_t PixelProgram::read(uint32_t frame, FrameKind kind) {
    instrs.push_back({nullptr, {}, frame, kind});
    return uint32_t(instrs.size() - 1);
}

PointSteps PixelProgram::steps() const {
    PointSteps out;
    for (const auto& in : instrs)
        if (in.step) out.push_back(in.step);
    return out;
}

std::vector<bool> PixelProgram::live() const {
    std::vector<bool> used(instrs.size(), false);
    used[output] = true;
    for (size_t i = instrs.size(); i-- > 0;)
        if (used[i])
            for (uint32_t a : instrs[i].args) used[a] = true;
    return used;
}

bool PixelProgram::positional() const {
    for (const auto& in : instrs)
        if (in.step && in.step->positional()) return true;
    return false;
}

}  // namespace tinct
