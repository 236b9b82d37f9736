#include "engine/media/RgbToYuv.h"

#include <algorithm>

extern "C" {
#include <libavutil/pixdesc.h>
}

#include "engine/Error.h"
#include "engine/media/YuvCoefficients.h"

namespace tinct {

namespace {

// As the shader's push block (std430: the vectors first).
struct Push {
    uint32_t planeOffset[4], rowBytes[4];
    float matrix[4], range[4];
    uint32_t width, height;
};
static_assert(sizeof(Push) == 72);

// The components of `plane` in the order their bytes lie.
std::vector<uint32_t> componentsOf(const PlaneLayout& l, int plane) {
    std::vector<uint32_t> comps;
    for (int c = 0; c < l.components; ++c)
        if (int(l.comp[c].plane) == plane) comps.push_back(uint32_t(c));
    std::sort(comps.begin(), comps.end(), [&](uint32_t a, uint32_t b) { return l.comp[a].offset < l.comp[b].offset; });
    return comps;
}

}  // namespace

void checkWritableLayout(const PlaneLayout& l, const std::string& path) {
    const uint32_t bytes = l.comp[0].wide ? 2 : 1;
    for (int c = 0; c < l.components; ++c)
        if (l.comp[c].shift != 0 || l.comp[c].wide != l.comp[0].wide)
            throw Error(path + ": Tinct cannot write pixel format " + av_get_pix_fmt_name(l.pixelFormat));
    for (int p = 0; p < l.planeCount; ++p) {
        const auto comps = componentsOf(l, p);
        for (size_t i = 0; i < comps.size(); ++i)
            if (l.comp[comps[i]].step != comps.size() * bytes || l.comp[comps[i]].offset != i * bytes)
                throw Error(path + ": Tinct cannot write pixel format " + av_get_pix_fmt_name(l.pixelFormat));
    }
    if (l.components < 3) throw Error(path + ": Tinct writes colour, not " + av_get_pix_fmt_name(l.pixelFormat));
}

// The shader's specialisation constants for a layout: what each plane holds, the flags, the largest code.
std::vector<uint32_t> specialisationOf(const PlaneLayout& l) {
    std::vector<uint32_t> k(6);
    for (int i = 0; i < l.planeCount && i < 4; ++i) {
        const auto comps = componentsOf(l, i);
        uint32_t desc = uint32_t(comps.size());
        bool chroma = false;
        for (size_t c = 0; c < comps.size(); ++c) {
            desc |= comps[c] << (4 + 4 * c);
            chroma |= !l.rgb && (comps[c] == 1 || comps[c] == 2);
        }
        k[size_t(i)] = desc | uint32_t(chroma) << 20;
    }
    k[4] = uint32_t(l.planeCount) | uint32_t(l.comp[0].wide) << 4 | uint32_t(l.comp[0].bigEndian) << 5 |
           uint32_t(l.rgb) << 6 | uint32_t(l.log2ChromaWidth) << 8 | uint32_t(l.log2ChromaHeight) << 12;
    k[5] = (1u << l.comp[0].depth) - 1u;
    return k;
}

RgbToYuv::RgbToYuv(GpuContext& gpu)
    : kernels_(gpu, "rgb_to_yuv", std::vector<BindingKind>(2, BindingKind::StorageBuffer), sizeof(Push)) {}

void RgbToYuv::record(VkCommandBuffer cmd, VkBuffer rgba, VkBuffer planes, const PlaneLayout& l) const {
    const ComputeKernel& kernel = kernels_.get(specialisationOf(l));
    Push p{};
    for (int i = 0; i < 4; ++i) {
        p.planeOffset[i] = l.planeOffset[i];
        p.rowBytes[i] = l.rowBytes[i];
    }
    const LumaWeights w = lumaWeights(l.matrix);
    p.matrix[0] = w.kr;
    p.matrix[1] = w.kb;
    const CodeRange r = codeRange(l);
    p.range[0] = r.yOffset, p.range[1] = r.yScale, p.range[2] = r.cOffset, p.range[3] = r.cScale;
    p.width = uint32_t(l.width);
    p.height = uint32_t(l.height);
    const uint32_t groups = (p.width + 7) / 8 * p.height;
    const Binding bindings[] = {{BindingKind::StorageBuffer, rgba}, {BindingKind::StorageBuffer, planes}};
    kernel.record(cmd, bindings, &p, (groups + 63) / 64, 1);
}

}  // namespace tinct
