#pragma once
// The GPU pass before the grade for movies and scans: decoded planes (as PlaneLayout describes
// them) to an RGBA32F frame, by shaders/yuv_to_rgb.comp.

#include <vulkan/vulkan.h>

#include "engine/gpu/SpecialisedKernels.h"
#include "engine/media/PlaneLayout.h"

namespace tinct {

class GpuContext;

class YuvToRgb {
public:
    explicit YuvToRgb(GpuContext& gpu);
    // Records the conversion of `planes` (laid out as `layout`) into `rgba` (width * height vec4),
    // followed by a barrier that makes the frame visible to the next compute pass. The kernel is
    // compiled for the layout the first time it is seen (specialisation constants).
    void record(VkCommandBuffer cmd, VkBuffer planes, VkBuffer rgba, const PlaneLayout& layout) const;

private:
    SpecialisedKernels kernels_;
};

}  // namespace tinct
