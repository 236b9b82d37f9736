#include "app/gui/ThumbnailBlit.h"

#include <algorithm>
#include <cmath>

#include "app/gui/GraphicsWhite.h"
#include "engine/gpu/EmbeddedShaders.h"
#include "engine/gpu/GpuContext.h"

namespace tinct {
namespace {

struct BlitPush {
    int32_t windowW, windowH;
    int32_t x0, y0, x1, y1;
    float rectX, rectY, rectW, rectH;
    int32_t thumbW, thumbH;
    uint32_t packing;  // WindowPacking, as shaders/snippets/window_pack.glsl numbers them
    float fillR, fillG, fillB;
};

// The window pixels whose centres lie in [from, to): first and one past the last.
std::array<int, 2> pixelSpan(float from, float to, int limit) {
    return {std::clamp(int(std::ceil(from - 0.5f)), 0, limit), std::clamp(int(std::ceil(to - 0.5f)), 0, limit)};
}

}  // namespace

ThumbnailBlit::ThumbnailBlit(GpuContext& gpu) {
    kernel_ = std::make_unique<ComputeKernel>(gpu, shaders::spirv("thumbnail_blit"),
                                              std::vector<BindingKind>(2, BindingKind::StorageBuffer),
                                              uint32_t(sizeof(BlitPush)), "thumbnail_blit");
    dummy_ = GpuBuffer(gpu, 16, BufferUse::Device);
}

ThumbnailBlit::~ThumbnailBlit() = default;

bool ThumbnailBlit::record(VkCommandBuffer cmd, const std::array<float, 4>& canvas, std::array<float, 3> fill,
                           const std::vector<ThumbnailPlacement>& thumbnails, bool imagesChanged, VkBuffer window,
                           int windowW, int windowH, const SurfaceFormatChoice& format) {
    const Written now{{windowW, windowH, int(format.packing), int(format.signal)}, window, canvas, fill, thumbnails};
    if (!imagesChanged && now == written_) return false;
    written_ = now;
    const auto [cx0, cx1] = pixelSpan(canvas[0], canvas[0] + canvas[2], windowW);
    const auto [cy0, cy1] = pixelSpan(canvas[1], canvas[1] + canvas[3], windowH);
    if (cx1 <= cx0 || cy1 <= cy0) return false;
    auto dispatch = [&](VkBuffer image, const BlitPush& push) {
        // Each write of the window waits for the one before (the composite, the fill, an
        // overlapping thumbnail), so the last one recorded is the one seen.
        computeBarrier(cmd);
        const Binding bindings[2] = {{BindingKind::StorageBuffer, image}, {BindingKind::StorageBuffer, window}};
        kernel_->record(cmd, bindings, &push, uint32_t(push.x1 - push.x0 + 15) / 16, uint32_t(push.y1 - push.y0 + 15) / 16);
    };
    BlitPush push{};
    push.windowW = windowW, push.windowH = windowH;
    push.packing = uint32_t(format.packing);
    if (format.signal == SwapchainSignal::Hdr10) {
        const auto pq = sdrToGraphicsWhitePq({fill[0], fill[1], fill[2]});
        fill = {float(pq[0]), float(pq[1]), float(pq[2])};
    }
    push.fillR = fill[0], push.fillG = fill[1], push.fillB = fill[2];
    push.x0 = cx0, push.y0 = cy0, push.x1 = cx1, push.y1 = cy1;
    dispatch(dummy_.handle(), push);
    for (const ThumbnailPlacement& t : thumbnails) {
        const auto& r = t.rect;
        const auto [x0, x1] = pixelSpan(r[0], r[0] + r[2], windowW);
        const auto [y0, y1] = pixelSpan(r[1], r[1] + r[3], windowH);
        push.x0 = std::max(x0, cx0), push.x1 = std::min(x1, cx1);
        push.y0 = std::max(y0, cy0), push.y1 = std::min(y1, cy1);
        if (push.x1 <= push.x0 || push.y1 <= push.y0 || t.width <= 0 || t.height <= 0 || r[2] <= 0 || r[3] <= 0) continue;
        push.rectX = r[0], push.rectY = r[1], push.rectW = r[2], push.rectH = r[3];
        push.thumbW = t.width, push.thumbH = t.height;
        dispatch(t.image, push);
    }
    return true;
}

}  // namespace tinct
