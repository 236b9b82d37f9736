#include "engine/media/PlanesToRgba.h"

#include <cstring>

#include "engine/gpu/FrameSlots.h"
#include "engine/media/YuvToRgb.h"

namespace tinct {

Frame planesToRgba(GpuContext& gpu, const Frame& frame) {
    if (frame.storage != PixelStorage::Planes) return frame;
    YuvToRgb convert(gpu);
    FrameSlots slots(gpu, 1, [&](VkCommandBuffer cmd, VkBuffer src, VkBuffer dst) {
        convert.record(cmd, src, dst, *frame.planeLayout);
    });
    std::memcpy(slots.input(0, frame.planes.size()), frame.planes.data(), frame.planes.size());
    Frame out = frame;  // size, windows and attributes
    out.planes.clear();
    out.planeLayout.reset();
    out.storage = PixelStorage::Float;
    const size_t bytes = out.pixelCount() * 16;
    slots.submit(0, bytes);
    const auto* rgba = static_cast<const float*>(slots.wait(0));
    out.rgba.assign(rgba, rgba + out.pixelCount() * 4);
    return out;
}

}  // namespace tinct
