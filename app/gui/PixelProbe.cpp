#include "app/gui/PixelProbe.h"

#include <cstring>

#include "engine/Error.h"
#include "engine/gpu/FrameSlots.h"
#include "engine/gpu/GpuBuffer.h"
#include "engine/gpu/GpuContext.h"
#include "engine/graph/FrameProgram.h"

namespace tinct {

std::vector<std::array<float, 4>> sampleThroughSteps(GpuContext& gpu, const PointSteps& steps, const Frame& frame,
                                                     const std::vector<std::array<int, 2>>& pixels) {
    if (frame.storage != PixelStorage::Float) throw Error("sampling needs a float frame");
    const uint32_t w = uint32_t(frame.width), h = uint32_t(frame.height);
    FrameProgram program(gpu, steps);
    program.prepare({}, w, h);
    FrameSlots slots(gpu, 1, [&](VkCommandBuffer cmd, VkBuffer src, VkBuffer dst) { program.record(cmd, src, dst, w, h, {}); });
    const size_t bytes = frame.pixelCount() * 16;
    const auto* out = static_cast<const float*>(slots.run(frame.rgba.data(), bytes, bytes));
    std::vector<std::array<float, 4>> values;
    for (const auto& [x, y] : pixels) {
        if (x < 0 || y < 0 || uint32_t(x) >= w || uint32_t(y) >= h) continue;
        const float* p = out + (size_t(y) * w + size_t(x)) * 4;
        values.push_back({p[0], p[1], p[2], p[3]});
    }
    return values;
}

std::array<float, 4> runOnePixel(GpuContext& gpu, const PointSteps& steps, const std::array<float, 4>& rgba) {
    FrameProgram program(gpu, steps);
    program.prepare({}, 1, 1);
    GpuBuffer source = GpuBuffer::withData(gpu, rgba.data(), 16);
    GpuBuffer result(gpu, 16, BufferUse::Device);
    GpuBuffer download(gpu, 16, BufferUse::Download);
    gpu.runOnce([&](VkCommandBuffer cmd) {
        program.record(cmd, source.handle(), result.handle(), 1, 1, {});
        VkMemoryBarrier b{VK_STRUCTURE_TYPE_MEMORY_BARRIER, nullptr, VK_ACCESS_SHADER_WRITE_BIT, VK_ACCESS_TRANSFER_READ_BIT};
        vkCmdPipelineBarrier(cmd, VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT, VK_PIPELINE_STAGE_TRANSFER_BIT, 0, 1, &b, 0,
                             nullptr, 0, nullptr);
        VkBufferCopy region{0, 0, 16};
        vkCmdCopyBuffer(cmd, result.handle(), download.handle(), 1, &region);
        VkMemoryBarrier h{VK_STRUCTURE_TYPE_MEMORY_BARRIER, nullptr, VK_ACCESS_TRANSFER_WRITE_BIT, VK_ACCESS_HOST_READ_BIT};
        vkCmdPipelineBarrier(cmd, VK_PIPELINE_STAGE_TRANSFER_BIT, VK_PIPELINE_STAGE_HOST_BIT, 0, 1, &h, 0, nullptr, 0,
                             nullptr);
    });
    download.invalidate();
    std::array<float, 4> out;
    std::memcpy(out.data(), download.mapped(), 16);
    return out;
}

}  // namespace tinct
