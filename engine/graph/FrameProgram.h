#pragma once
// What a frame goes through on the GPU: runs of point steps fused into one kernel each, and the
// spatial steps (blur, sharpen) between them as kernels of their own. Intermediate frames stay on
// the GPU in two float scratch buffers; a half-float source or output gets at most one extra
// conversion pass at each end.
#include <memory>
#include <vector>

#include "engine/graph/FusedKernel.h"

namespace tinct {

class GpuContext;

class FrameProgram {
public:
    FrameProgram(GpuContext& gpu, const PointSteps& steps);
    ~FrameProgram();

    // Compiles what `formats` need and sizes the scratch buffers. Call before record().
    void prepare(FrameFormats formats, uint32_t width, uint32_t height);
    void record(VkCommandBuffer cmd, VkBuffer source, VkBuffer destination, uint32_t width, uint32_t height,
                FrameFormats formats) const;
    uint32_t dispatchesFor(uint32_t width, uint32_t height, FrameFormats formats) const;
    bool hasSpatial() const { return !spatial_.empty(); }

private:
    struct Stage {
        std::unique_ptr<FusedKernel> run;  // a fused run of point steps, or
        const SpatialOp* spatial = nullptr;
    };
    GpuContext& gpu_;
    PointSteps steps_;  // keeps the spatial ops alive
    std::vector<Stage> stages_;
    std::vector<const SpatialOp*> spatial_;
    std::unique_ptr<FusedKernel> convert_;   // no steps: format conversion at the ends
    std::unique_ptr<ComputeKernel> blur_;
    GpuBuffer scratch_[2];
};

}  // namespace tinct
