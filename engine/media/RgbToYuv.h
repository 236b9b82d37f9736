#pragma once
// The GPU pass after the grade for movies and scans: the RGBA32F frame to the planes an encoder
// takes (as PlaneLayout describes them, rows padded to 8 pixels), by shaders/rgb_to_yuv.comp.

#include <vulkan/vulkan.h>

#include "engine/gpu/SpecialisedKernels.h"
#include "engine/media/PlaneLayout.h"

namespace tinct {

class GpuContext;

class RgbToYuv {
public:
    explicit RgbToYuv(GpuContext& gpu);
    // Records the conversion of `rgba` (width * height vec4) into `planes`. The kernel is compiled for
    // the layout the first time it is seen (specialisation constants).
    void record(VkCommandBuffer cmd, VkBuffer rgba, VkBuffer planes, const PlaneLayout& layout) const;

private:
    SpecialisedKernels kernels_;
};

// Throws tinct::Error unless the GPU pass can write `layout`: every plane one component, or one
// plane of tightly interleaved components, all of one sample size, unshifted.
void checkWritableLayout(const PlaneLayout& layout, const std::string& path);

}  // namespace tinct
