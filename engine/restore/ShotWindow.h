#pragma once
// The frames of a temporal window that keeps inside the shot. A restoration step's footprint reaches
// 2 radius either side, so that near a cut or an end of the clip (where the source mirrors the shot)
// its window of 2 radius + 1 frames moves inside the shot instead of shrinking: every frame of a
// shot gets as much evidence as the shot can give.
#include <vector>

#include <vulkan/vulkan.h>

namespace tinct {

// `slots`: indices into a step's inputs (frames n-2 radius .. n+2 radius): n, the frames before it
// outward, then those after it outward; `before` + `after` <= 2 radius.
struct ShotWindow {
    std::vector<size_t> slots;
    int before = 0, after = 0;
};

ShotWindow windowWithinShot(const std::vector<VkBuffer>& inputs, int radius);

}  // namespace tinct
