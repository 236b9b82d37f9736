#include "app/gui/PixelProbe.h"

#include "engine/Error.h"
#include "engine/gpu/FrameSlots.h"
#include "engine/gpu/GpuContext.h"
#include "engine/kernel/FrameProgram.h"

namespace tinct {

namespace {

// A float RGBA frame of w x h through the steps on the GPU, read back.
std::vector<float> runThrough(GpuContext& gpu, const PointSteps& steps, const float* rgba, uint32_t w, uint32_t h) {
    FrameProgram program(gpu, steps);
    program.prepare({}, w, h);
    FrameSlots slots(gpu, 1, [&](VkCommandBuffer cmd, VkBuffer src, VkBuffer dst) { program.record(cmd, src, dst, w, h, {}); });
    const size_t floats = size_t(w) * h * 4;
    const auto* out = static_cast<const float*>(slots.run(rgba, floats * 4, floats * 4));
    return std::vector<float>(out, out + floats);
}

}  // namespace

std::vector<std::array<float, 4>> sampleThroughSteps(GpuContext& gpu, const PointSteps& steps, const Frame& frame,
                                                     const std::vector<std::array<int, 2>>& pixels) {
    if (frame.storage != PixelStorage::Float) throw Error("sampling needs a float frame");
    const uint32_t w = uint32_t(frame.width), h = uint32_t(frame.height);
    const std::vector<float> out = runThrough(gpu, steps, frame.rgba.data(), w, h);
    std::vector<std::array<float, 4>> values;
    for (const auto& [x, y] : pixels) {
        if (x < 0 || y < 0 || uint32_t(x) >= w || uint32_t(y) >= h) continue;
        const float* p = &out[(size_t(y) * w + size_t(x)) * 4];
        values.push_back({p[0], p[1], p[2], p[3]});
    }
    return values;
}

std::array<float, 4> runOnePixel(GpuContext& gpu, const PointSteps& steps, const std::array<float, 4>& rgba) {
    const std::vector<float> out = runThrough(gpu, steps, rgba.data(), 1, 1);
    return {out[0], out[1], out[2], out[3]};
}

}  // namespace tinct
