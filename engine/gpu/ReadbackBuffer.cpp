#include "engine/gpu/ReadbackBuffer.h"

#include "engine/gpu/GpuContext.h"

namespace tinct {

namespace {

void memoryBarrier(VkCommandBuffer cmd, VkAccessFlags src, VkAccessFlags dst, VkPipelineStageFlags srcStage,
                   VkPipelineStageFlags dstStage) {
    const VkMemoryBarrier b{VK_STRUCTURE_TYPE_MEMORY_BARRIER, nullptr, src, dst};
    vkCmdPipelineBarrier(cmd, srcStage, dstStage, 0, 1, &b, 0, nullptr, 0, nullptr);
}

}  // namespace

ReadbackBuffer::ReadbackBuffer(GpuContext& gpu, size_t bytes) {
    const bool staged = !gpu.unifiedMemory();
    gpu_ = GpuBuffer(gpu, bytes, staged ? BufferUse::Device : BufferUse::Shared);
    if (staged) download_ = GpuBuffer(gpu, bytes, BufferUse::Download);
}

void ReadbackBuffer::recordReadbacks(VkCommandBuffer cmd, std::span<const ReadbackBuffer* const> buffers) {
    // All alike: the GPU's memory is the host's for all of them, or for none.
    if (buffers.empty()) return;
    if (!buffers.front()->download_.handle()) {
        memoryBarrier(cmd, VK_ACCESS_SHADER_WRITE_BIT, VK_ACCESS_HOST_READ_BIT, VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT,
                      VK_PIPELINE_STAGE_HOST_BIT);
        return;
    }
    memoryBarrier(cmd, VK_ACCESS_SHADER_WRITE_BIT, VK_ACCESS_TRANSFER_READ_BIT, VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT,
                  VK_PIPELINE_STAGE_TRANSFER_BIT);
    for (const ReadbackBuffer* b : buffers) {
        const VkBufferCopy region{0, 0, b->gpu_.size()};
        vkCmdCopyBuffer(cmd, b->gpu_.handle(), b->download_.handle(), 1, &region);
    }
    memoryBarrier(cmd, VK_ACCESS_TRANSFER_WRITE_BIT, VK_ACCESS_HOST_READ_BIT, VK_PIPELINE_STAGE_TRANSFER_BIT,
                  VK_PIPELINE_STAGE_HOST_BIT);
}

const void* ReadbackBuffer::host() const {
    const GpuBuffer& b = download_.handle() ? download_ : gpu_;
    b.invalidate();
    return b.mapped();
}

}  // namespace tinct
