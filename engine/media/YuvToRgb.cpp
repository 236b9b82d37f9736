#include "engine/media/YuvToRgb.h"

#include "engine/gpu/EmbeddedShaders.h"
#include "engine/media/YuvCoefficients.h"

namespace tinct {

namespace {

// As the shader's push block (std430: the vectors first, so nothing needs padding).
struct Push {
    uint32_t planeOffset[4], rowBytes[4], comp[4];
    float matrix[4], range[4], siting[2];
    uint32_t width, height, flags;
};
static_assert(sizeof(Push) == 100);

}  // namespace

YuvToRgb::YuvToRgb(GpuContext& gpu) {
    kernel_ = std::make_unique<ComputeKernel>(gpu, shaders::spirv("yuv_to_rgb"),
                                              std::vector<BindingKind>(2, BindingKind::StorageBuffer), sizeof(Push),
                                              "yuv_to_rgb");
}

void YuvToRgb::record(VkCommandBuffer cmd, VkBuffer planes, VkBuffer rgba, const PlaneLayout& l) const {
    Push p{};
    p.width = uint32_t(l.width);
    p.height = uint32_t(l.height);
    for (int i = 0; i < 4; ++i) {
        p.planeOffset[i] = l.planeOffset[i];
        p.rowBytes[i] = l.rowBytes[i];
        const PlaneComponent& c = l.comp[i];
        p.comp[i] = c.plane | c.step << 4 | c.offset << 10 | c.shift << 16 | c.depth << 21 | uint32_t(c.wide) << 26 |
                    uint32_t(c.bigEndian) << 27;
    }
    p.flags = uint32_t(l.components) | uint32_t(l.rgb) << 4 | uint32_t(l.alpha) << 5 | uint32_t(l.log2ChromaWidth) << 8 |
              uint32_t(l.log2ChromaHeight) << 12;
    const LumaWeights w = lumaWeights(l.matrix);
    const float kg = 1.0f - w.kr - w.kb;
    p.matrix[0] = 2.0f * (1.0f - w.kr);
    p.matrix[1] = 2.0f * w.kb * (1.0f - w.kb) / kg;
    p.matrix[2] = 2.0f * w.kr * (1.0f - w.kr) / kg;
    p.matrix[3] = 2.0f * (1.0f - w.kb);
    const CodeRange r = codeRange(l);
    p.range[0] = r.yOffset, p.range[1] = r.yScale, p.range[2] = r.cOffset, p.range[3] = r.cScale;
    chromaSiting(l, p.siting[0], p.siting[1]);
    const Binding bindings[] = {{BindingKind::StorageBuffer, planes}, {BindingKind::StorageBuffer, rgba}};
    kernel_->record(cmd, bindings, &p, (p.width + 15) / 16, (p.height + 15) / 16);
    computeBarrier(cmd);
}

}  // namespace tinct
