#pragma once
// A sampled 1D, 2D or 3D float texture: how LUTs reach shaders. Values are kept at full float
// precision (RGBA32F) so a LUT on the GPU holds exactly what the file held.
#include <vulkan/vulkan.h>

#include <span>

namespace tinct {

class GpuContext;

struct TextureShape {
    uint32_t dimensions = 3;  // 1, 2 or 3
    uint32_t width = 1, height = 1, depth = 1;
};

class GpuTexture {
public:
    // `rgba` holds width*height*depth RGBA texels, x fastest. `linear` picks hardware linear filtering
    // (else nearest); addressing clamps to the edge, as LUTs clamp their input.
    GpuTexture(GpuContext& gpu, TextureShape shape, std::span<const float> rgba, bool linear);
    ~GpuTexture();
    GpuTexture(const GpuTexture&) = delete;
    GpuTexture& operator=(const GpuTexture&) = delete;

    VkImageView view() const { return view_; }
    VkSampler sampler() const { return sampler_; }

private:
    GpuContext& gpu_;
    VkImage image_ = VK_NULL_HANDLE;
    VkDeviceMemory memory_ = VK_NULL_HANDLE;
    VkImageView view_ = VK_NULL_HANDLE;
    VkSampler sampler_ = VK_NULL_HANDLE;
};

}  // namespace tinct
