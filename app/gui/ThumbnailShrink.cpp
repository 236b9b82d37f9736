#include "app/gui/ThumbnailShrink.h"

#include <algorithm>
#include <cmath>

#include "engine/gpu/EmbeddedShaders.h"

namespace tinct {

namespace {

struct Push {
    int32_t sourceW, sourceH, smallW, smallH;
};

}  // namespace

std::array<int, 2> thumbnailSize(int width, int height, int wanted) {
    const int w = std::clamp(wanted, 1, std::max(width, 1));
    const int h = std::clamp(int(std::lround(double(height) * w / std::max(width, 1))), 1, std::max(height, 1));
    return {w, h};
}

ThumbnailShrink::ThumbnailShrink(GpuContext& gpu) {
    kernel_ = std::make_unique<ComputeKernel>(gpu, shaders::spirv("thumbnail_shrink"),
                                              std::vector<BindingKind>(2, BindingKind::StorageBuffer), uint32_t(sizeof(Push)),
                                              "thumbnail_shrink");
}

void ThumbnailShrink::record(VkCommandBuffer cmd, VkBuffer source, int width, int height, VkBuffer small, int smallW,
                             int smallH) const {
    const Push push{width, height, smallW, smallH};
    const Binding bindings[] = {{BindingKind::StorageBuffer, source}, {BindingKind::StorageBuffer, small}};
    kernel_->record(cmd, bindings, &push, uint32_t(smallW + 15) / 16, uint32_t(smallH + 15) / 16);
    computeBarrier(cmd);
}

}  // namespace tinct
