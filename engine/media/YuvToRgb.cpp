#include "engine/media/YuvToRgb.h"


#include "engine/media/YuvCoefficients.h"

namespace tinct {

namespace {

// As the shader's push block (std430: the vectors first, so nothing needs padding).
struct Push {
    uint32_t planeOffset[4], rowBytes[4];
    float matrix[4], range[4], siting[2];
    uint32_t width, height;
};
static_assert(sizeof(Push) == 80);

// Whether the shader may convert four pixels of a row at once, from whole words: every component in
// a plane of its own (one or two bytes a sample), and chroma, if subsampled, subsampled across.
bool groupsOfFour(const PlaneLayout& l) {
    for (int i = 0; i < l.components; ++i) {
        const PlaneComponent& c = l.comp[i];
        if (c.step != (c.wide ? 2u : 1u) || c.offset != 0) return false;
        for (int j = 0; j < i; ++j)
            if (l.comp[j].plane == c.plane) return false;
    }
    return !(l.log2ChromaWidth == 0 && l.log2ChromaHeight > 0);
}

// The shader's specialisation constants for a layout: its components, flags and pixels per invocation.
std::vector<uint32_t> specialisationOf(const PlaneLayout& l) {
    std::vector<uint32_t> k(6);
    for (int i = 0; i < 4; ++i) {
        const PlaneComponent& c = l.comp[i];
        k[size_t(i)] = c.plane | c.step << 4 | c.offset << 10 | c.shift << 16 | c.depth << 21 | uint32_t(c.wide) << 26 |
                       uint32_t(c.bigEndian) << 27;
    }
    k[4] = uint32_t(l.components) | uint32_t(l.rgb) << 4 | uint32_t(l.alpha) << 5 | uint32_t(l.log2ChromaWidth) << 8 |
           uint32_t(l.log2ChromaHeight) << 12;
    k[5] = groupsOfFour(l) ? 4 : 1;
    return k;
}

}  // namespace

YuvToRgb::YuvToRgb(GpuContext& gpu)
    : kernels_(gpu, "yuv_to_rgb", std::vector<BindingKind>(2, BindingKind::StorageBuffer), sizeof(Push)) {}

void YuvToRgb::record(VkCommandBuffer cmd, VkBuffer planes, VkBuffer rgba, const PlaneLayout& l) const {
    const std::vector<uint32_t> specialisation = specialisationOf(l);
    const ComputeKernel& kernel = kernels_.get(specialisation);
    Push p{};
    p.width = uint32_t(l.width);
    p.height = uint32_t(l.height);
    for (int i = 0; i < 4; ++i) {
        p.planeOffset[i] = l.planeOffset[i];
        p.rowBytes[i] = l.rowBytes[i];
    }
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
    const uint32_t perInvocation = specialisation[5];
    const uint32_t columns = (p.width + perInvocation - 1) / perInvocation;
    kernel.record(cmd, bindings, &p, (columns + 15) / 16, (p.height + 15) / 16);
    computeBarrier(cmd);
}

}  // namespace tinct
