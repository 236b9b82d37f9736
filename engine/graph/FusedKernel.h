#pragma once
// A run of point steps compiled into one compute kernel: one read and one write of the frame.
// The kernel's text depends only on the steps' structure; their parameters live in a buffer, so
// `updateParameters` after an edit costs a memcpy, not a compile.
#include <array>
#include <memory>
#include <string>
#include <vector>

#include "engine/graph/PointStep.h"
#include "engine/gpu/ComputeKernel.h"
#include "engine/gpu/GpuBuffer.h"

namespace tinct {

class GpuContext;

// How the frames the kernel reads and writes are held: RGBA32F, or RGBA16F (half).
struct FrameFormats {
    bool sourceHalf = false, destinationHalf = false;
};

class FusedKernel {
public:
    FusedKernel(GpuContext& gpu, PointSteps steps);

    // GLSL of the kernel for these steps and formats (the build-time template filled in); public
    // for --explain and for tests.
    static std::string generateSource(const PointSteps& steps, FrameFormats formats = {});

    // Compiles the kernel for `formats` if it has not been yet. Call before record(), outside
    // command recording.
    void prepare(FrameFormats formats);

    // Copies the steps' current parameters to the GPU. Call between frames, not while one runs.
    void updateParameters();

    // Records the dispatches reading `source` and writing `destination`, pixelCount pixels each.
    void record(VkCommandBuffer cmd, VkBuffer source, VkBuffer destination, uint32_t pixelCount,
                FrameFormats formats) const;

    // Dispatches record() makes for a frame: 1 unless the frame exceeds one buffer binding.
    uint32_t dispatchesFor(uint32_t pixelCount) const;

    const PointSteps& steps() const { return steps_; }

private:
    uint32_t chunkPixels(uint32_t pixelCount) const;

    GpuContext& gpu_;
    PointSteps steps_;
    std::array<std::unique_ptr<ComputeKernel>, 4> kernels_;  // by FrameFormats
    std::vector<GpuBuffer> luts_;  // one per StepTexture, in binding order
    GpuBuffer parameters_;
};

}  // namespace tinct
