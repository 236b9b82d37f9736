#pragma once
// How a pixel program runs on the GPU: fused kernels of point steps, cut where a frame step (blur,
// a matte's grow, ...) needs a whole frame in memory. Each kernel reads the source, frames the
// program was given (the results of temporal steps, computed by the Evaluator) and the results of
// earlier frame steps, and writes one frame: the input of the next frame step, or the destination.
// Point steps a kernel needs are computed again in it rather than stored, so a value costs
// arithmetic, never an extra trip through memory. Pure planning, no GPU: FrameProgram runs it,
// --explain prints it. Temporal steps are the Evaluator's; a plan holds none.
#include <string>
#include <vector>

#include "engine/kernel/FrameStep.h"
#include "engine/kernel/PixelProgram.h"

namespace tinct {

// A frame a kernel reads besides its source.
struct FrameRef {
    bool given = false;  // true: frame `index` (1 ..) the program was given; false: the result of stage `index`
    size_t index = 0;
    bool operator==(const FrameRef&) const = default;
};

struct KernelStage {
    PixelProgram program;          // frame 0: the source; frame k: frames[k - 1]
    std::vector<FrameRef> frames;
    int feeds = -1;                // the frame stage whose input it writes; -1: the destination
};

struct FrameStage {
    std::shared_ptr<const PointStep> step;  // keeps `frame` alive
    const FrameStep* frame = nullptr;
    std::string what;
    int input = -1;  // the frame stage whose result it works on; -1: what the kernel before it wrote
};

struct StagePlan {
    struct Stage {
        int kernel = -1, frame = -1;  // one of the two is an index into kernels / frames
    };
    std::vector<Stage> order;
    std::vector<KernelStage> kernels;
    std::vector<FrameStage> frames;
    uint32_t givenFrames = 0;  // frames 1 .. the program reads besides its source

    // What kind of frame stage `s` works on and makes.
    FrameKind inputKind(size_t s) const { return frames[s].frame->inputKind(); }
    FrameKind outputKind(size_t s) const { return frames[s].frame->outputKind(); }
    // Whether `other` has this plan's shape (the same stages, wired the same way).
    bool sameShape(const StagePlan& other) const;

    // The plan in words: each kernel with its steps, each frame step with its passes.
    std::string describe() const;
};

// Throws tinct::Error (internal) for a program with temporal steps.
StagePlan planStages(const PixelProgram& program);

}  // namespace tinct
