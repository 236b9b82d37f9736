#pragma once
// A run of point steps compiled into one compute kernel: one read and one write of the frame.
// The kernel's text depends only on the steps' structure; their parameters live in a buffer, so
// `updateParameters` after an edit costs a memcpy, not a compile.
#include <memory>
#include <string>
#include <vector>

#include "engine/graph/PointStep.h"
#include "engine/gpu/ComputeKernel.h"
#include "engine/gpu/GpuBuffer.h"

namespace tinct {

class GpuContext;

class FusedKernel {
public:
    FusedKernel(GpuContext& gpu, PointSteps steps);

    // GLSL of the kernel for these steps (the build-time template filled in); public for --explain
    // and for tests.
    static std::string generateSource(const PointSteps& steps);

    // Copies the steps' current parameters to the GPU. Call between frames, not while one runs.
    void updateParameters();

    // Records the dispatch reading `source` and writing `destination` (pixelCount RGBA32F pixels).
    void record(VkCommandBuffer cmd, VkBuffer source, VkBuffer destination, uint32_t pixelCount) const;

    // Dispatches record() makes for a frame: 1 unless the frame exceeds one buffer binding.
    uint32_t dispatchesFor(uint32_t pixelCount) const;

    const PointSteps& steps() const { return steps_; }

private:
    uint32_t chunkPixels(uint32_t pixelCount) const;

    GpuContext& gpu_;
    PointSteps steps_;
    std::unique_ptr<ComputeKernel> kernel_;
    std::vector<std::unique_ptr<GpuTexture>> textures_;
    GpuBuffer parameters_;
};

}  // namespace tinct
