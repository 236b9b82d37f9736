#pragma once
// What a frame goes through on the GPU: a pixel program (a serial run of steps, or a grade's graph
// with mixers and mattes) cut by StagePlan into fused kernels of point steps and the spatial steps
// between them (blur, sharpen, a matte's shrink and grow). Without spatial steps that is one kernel,
// one read and one write of the frame. Otherwise intermediate frames stay on the GPU as RGBA32F
// buffers: one each for the spatial results, two shared scratch frames for the passes.
#include <memory>
#include <vector>

#include "engine/kernel/FusedKernel.h"
#include "engine/kernel/StagePlan.h"

namespace tinct {

class GpuContext;

class FrameProgram {
public:
    FrameProgram(GpuContext& gpu, const PointSteps& steps);
    FrameProgram(GpuContext& gpu, const PixelProgram& program);
    ~FrameProgram();

    // Compiles what `formats` need and sizes the intermediate frames. Call before record().
    void prepare(FrameFormats formats, uint32_t width, uint32_t height);
    void record(VkCommandBuffer cmd, VkBuffer source, VkBuffer destination, uint32_t width, uint32_t height,
                FrameFormats formats) const;
    uint32_t dispatchesFor(uint32_t width, uint32_t height, FrameFormats formats) const;
    bool hasSpatial() const { return !plan_.spatial.empty(); }

    // Takes new steps with the same structure as the program's (a parameter edit): their values are
    // copied to the GPU and nothing is compiled. Returns false, changing nothing, when the structure
    // differs (a node added, removed, rewired); build a new FrameProgram then. Between frames only.
    bool update(const PointSteps& steps);
    const StagePlan& plan() const { return plan_; }

private:
    GpuContext& gpu_;
    StagePlan plan_;
    std::vector<std::unique_ptr<FusedKernel>> kernels_;  // by plan_.kernels
    std::unique_ptr<ComputeKernel> blur_, morph_;
    GpuBuffer input_, pass_;               // a spatial step's input; its first pass's result
    std::vector<GpuBuffer> results_;      // by plan_.spatial
};

}  // namespace tinct
