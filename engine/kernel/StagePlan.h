#pragma once
// How a pixel program runs on the GPU: fused kernels of point steps, cut where a spatial step needs
// a whole frame in memory. Each kernel reads the source and the results of earlier spatial steps
// and writes one frame: the input of the next spatial step, or the destination. Point steps a
// kernel needs are computed again in it rather than stored, so a value costs arithmetic, never an
// extra trip through memory. Pure planning, no GPU: FrameProgram runs it, --explain prints it.
#include <string>
#include <vector>

#include "engine/kernel/PixelProgram.h"

namespace tinct {

struct KernelStage {
    PixelProgram program;          // frame 0: the source; frame k: the result of spatial stage frames[k-1]
    std::vector<size_t> frames;    // spatial stages (indices into StagePlan::spatial) the kernel reads
    int feeds = -1;                // the spatial stage whose input it writes; -1: the destination
};

struct SpatialStage {
    std::shared_ptr<const PointStep> step;  // keeps `op` alive
    const SpatialOp* op = nullptr;
    std::string what;
    int input = -1;  // the spatial stage whose result it works on; -1: what the kernel before it wrote
};

struct StagePlan {
    struct Stage {
        int kernel = -1, spatial = -1;  // one of the two is an index into kernels / spatial
    };
    std::vector<Stage> order;
    std::vector<KernelStage> kernels;
    std::vector<SpatialStage> spatial;

    // The plan in words: each kernel with its steps, each spatial step with its passes.
    std::string describe() const;
};

StagePlan planStages(const PixelProgram& program);

}  // namespace tinct
