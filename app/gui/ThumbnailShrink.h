#pragma once
// The small copy of a source frame that node thumbnails are graded from, made on the GPU: each pixel
// the mean of the frame's pixels whose centres fall inside it, NaN and Inf replaced first
// (shaders/thumbnail_shrink.comp).
#include <vulkan/vulkan.h>

#include <array>
#include <memory>

#include "engine/gpu/ComputeKernel.h"

namespace tinct {

class GpuContext;

// A thumbnail's size for a width x height frame: `wanted` pixels wide (the frame's own width where
// that is smaller), the height keeping the aspect, at least 1.
std::array<int, 2> thumbnailSize(int width, int height, int wanted);

class ThumbnailShrink {
public:
    explicit ThumbnailShrink(GpuContext& gpu);
    // Records the copy of `source` (width x height RGBA32F) into `small` (smallW x smallH), then a barrier.
    void record(VkCommandBuffer cmd, VkBuffer source, int width, int height, VkBuffer small, int smallW, int smallH) const;

private:
    std::unique_ptr<ComputeKernel> kernel_;
};

}  // namespace tinct
