#pragma once
// What a frame goes through, per pixel, as a small dataflow program: each instruction applies a
// step to the values of earlier instructions. A serial chain is the case of one argument each;
// mixers and mattes take several; spatial steps mark where a value must be a whole frame in memory.
// FrameProgram (engine/graph/StagePlan) cuts the program into fused kernels at those points.
#include <cstdint>
#include <memory>
#include <vector>

#include "engine/kernel/FrameKind.h"
#include "engine/kernel/PointStep.h"

namespace tinct {

struct PixelInstr {
    std::shared_ptr<const PointStep> step;  // null: a frame read from memory
    std::vector<uint32_t> args;             // earlier instructions whose values the step takes
    uint32_t frame = 0;                     // for a read: which of the kernel's input frames (0 = its source)
    FrameKind kind = FrameKind::Rgba;       // for a read of frame 1 ..: what that frame holds
};

struct PixelProgram {
    std::vector<PixelInstr> instrs = {PixelInstr{}};  // instrs[0] reads the source
    uint32_t output = 0;                              // the instruction whose value is the program's result

    // A program that reads frames 1 .. n besides its source (values computed elsewhere: the results of
    // temporal steps); returns the instruction reading `frame`.
    uint32_t read(uint32_t frame, FrameKind kind);

    // The steps one after another; graph steps among them are expanded in place.
    static PixelProgram serial(const PointSteps& steps);

    // Appends `step` taking `args` (a graph step is expanded) and makes it the output; returns the
    // instruction giving its result.
    uint32_t append(const std::shared_ptr<const PointStep>& step, std::vector<uint32_t> args);

    // The steps, in order, that are not reads.
    PointSteps steps() const;
    // For each instruction, whether the output depends on it.
    std::vector<bool> live() const;
    bool positional() const;
};

}  // namespace tinct
