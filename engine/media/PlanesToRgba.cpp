#include "engine/media/PlanesToRgba.h"

namespace tinct {

PlanesToRgba::PlanesToRgba(GpuContext& gpu)
    : pass_(gpu), slots_(gpu, 1, [this](VkCommandBuffer cmd, VkBuffer src, VkBuffer dst) { pass_.record(cmd, src, dst, *layout_); }) {}

Frame PlanesToRgba::convert(const Frame& frame) {
    if (frame.storage != PixelStorage::Planes) return frame;
    Frame out;
    copyFrameInfo(frame, out);
    out.storage = PixelStorage::Float;
    out.planeLayout.reset();
    layout_ = frame.planeLayout.get();
    const auto* rgba = static_cast<const float*>(slots_.run(frame.planes.data(), frame.planes.size(), out.pixelCount() * 16));
    out.rgba.assign(rgba, rgba + out.pixelCount() * 4);
    return out;
}

}  // namespace tinct
