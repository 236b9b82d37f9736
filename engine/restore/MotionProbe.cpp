#include "engine/restore/MotionProbe.h"

#include <algorithm>

#include "engine/Error.h"
#include "engine/gpu/GpuBuffer.h"
#include "engine/gpu/GpuContext.h"
#include "engine/gpu/ReadbackBuffer.h"
#include "engine/restore/MotionEstimator.h"

namespace tinct {

MotionField probeMotion(GpuContext& gpu, const Frame& current, const Frame& next, uint32_t spacing) {
    if (current.width != next.width || current.height != next.height)
        throw Error("motion: the frames are " + std::to_string(current.width) + "x" + std::to_string(current.height) + " and " +
                    std::to_string(next.width) + "x" + std::to_string(next.height));
    if (current.storage != PixelStorage::Float || next.storage != PixelStorage::Float)
        throw Error("motion: the frames must be RGBA32F");
    const uint32_t w = uint32_t(current.width), h = uint32_t(current.height);
    MotionEstimator motion(gpu);
    motion.prepare(w, h, 2);
    const GpuBuffer a = GpuBuffer::withData(gpu, current.rgba.data(), current.rgba.size() * 4);
    const GpuBuffer b = GpuBuffer::withData(gpu, next.rgba.data(), next.rgba.size() * 4);
    const GpuBuffer forward(gpu, motion.fieldBytes(), BufferUse::Device), backward(gpu, motion.fieldBytes(), BufferUse::Device);
    const ReadbackBuffer checked(gpu, motion.fieldBytes());
    gpu.runOnce([&](VkCommandBuffer cmd) {
        motion.recordPyramid(cmd, a.handle(), 0);
        motion.recordPyramid(cmd, b.handle(), 1);
        computeBarrier(cmd);
        motion.recordField(cmd, 0, 1, forward.handle());
        computeBarrier(cmd);
        motion.recordField(cmd, 1, 0, backward.handle());
        computeBarrier(cmd);
        motion.recordCheck(cmd, forward.handle(), backward.handle(), checked.target());
        checked.recordReadback(cmd);
    });
    // The full-size field, refined to a quarter pixel, every `step`-th block of it kept.
    const uint32_t bx = motion.blocksX(), by = motion.blocksY(), step = std::max<uint32_t>(1, spacing / 4);
    MotionField field;
    field.blocksX = (bx + step - 1) / step, field.blocksY = (by + step - 1) / step;
    field.blockPixels = 4 * step;
    const float* v = static_cast<const float*>(checked.host());
    for (uint32_t y = 0; y < by; y += step)
        for (uint32_t x = 0; x < bx; x += step) {
            const float* f = &v[(size_t(y) * bx + x) * 4];
            // motion_block.glsl: block b's centre is at b * 4 + 1.5.
            field.blocks.push_back({float(x) * 4 + 1.5f, float(y) * 4 + 1.5f, f[0], f[1], f[2], f[3]});
        }
    return field;
}

}  // namespace tinct
