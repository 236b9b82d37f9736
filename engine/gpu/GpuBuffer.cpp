#include "engine/gpu/GpuBuffer.h"

#include <cstring>
#include <utility>

#include "engine/gpu/GpuContext.h"
#include "engine/gpu/VulkanCheck.h"

namespace tinct {

GpuBuffer::GpuBuffer(GpuContext& gpu, size_t bytes, BufferUse use, VkBufferUsageFlags extraUsage)
    : gpu_(&gpu), size_(bytes) {
    VkBufferUsageFlags usage = extraUsage | VK_BUFFER_USAGE_TRANSFER_SRC_BIT | VK_BUFFER_USAGE_TRANSFER_DST_BIT;
    if (use == BufferUse::Device || use == BufferUse::Shared) usage |= VK_BUFFER_USAGE_STORAGE_BUFFER_BIT;

    VkBufferCreateInfo info{VK_STRUCTURE_TYPE_BUFFER_CREATE_INFO};
    info.size = bytes;
    info.usage = usage;
    info.sharingMode = VK_SHARING_MODE_EXCLUSIVE;
    VkDevice device = gpu.device();
    vkCheck(vkCreateBuffer(device, &info, nullptr, &buffer_), "creating a GPU buffer of " + std::to_string(bytes) + " bytes");
    try {
        allocate(use);
    } catch (...) {
        release();
        throw;
    }
}

void GpuBuffer::allocate(BufferUse use) {
    GpuContext& gpu = *gpu_;
    VkDevice device = gpu.device();

    VkMemoryRequirements req;
    vkGetBufferMemoryRequirements(device, buffer_, &req);
    constexpr auto visible = VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT;
    constexpr auto coherent = VK_MEMORY_PROPERTY_HOST_COHERENT_BIT;
    uint32_t type = 0;
    switch (use) {
        case BufferUse::Device: type = gpu.memoryType(req.memoryTypeBits, VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT); break;
        case BufferUse::Upload: type = gpu.memoryType(req.memoryTypeBits, visible | coherent); break;
        case BufferUse::Download:
            type = gpu.memoryType(req.memoryTypeBits, visible, VK_MEMORY_PROPERTY_HOST_CACHED_BIT | coherent);
            break;
        case BufferUse::Shared:
            type = gpu.memoryType(req.memoryTypeBits, VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT | visible,
                                  VK_MEMORY_PROPERTY_HOST_CACHED_BIT | coherent);
            break;
    }
    coherent_ = gpu.memoryFlags(type) & coherent;

    VkMemoryAllocateInfo alloc{VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO};
    alloc.allocationSize = req.size;
    alloc.memoryTypeIndex = type;
    vkCheck(vkAllocateMemory(device, &alloc, nullptr, &memory_),
            "allocating " + std::to_string(req.size >> 20) + " MiB of GPU memory");
    vkCheck(vkBindBufferMemory(device, buffer_, memory_, 0), "binding GPU memory");
    if (use != BufferUse::Device) vkCheck(vkMapMemory(device, memory_, 0, VK_WHOLE_SIZE, 0, &mapped_), "mapping GPU memory");
}

GpuBuffer GpuBuffer::withData(GpuContext& gpu, const void* data, size_t bytes) {
    if (gpu.unifiedMemory()) {
        GpuBuffer buffer(gpu, bytes, BufferUse::Shared);
        std::memcpy(buffer.mapped(), data, bytes);
        buffer.flush();
        return buffer;
    }
    GpuBuffer staging(gpu, bytes, BufferUse::Upload);
    std::memcpy(staging.mapped(), data, bytes);
    staging.flush();
    GpuBuffer buffer(gpu, bytes, BufferUse::Device);
    gpu.runOnce([&](VkCommandBuffer cmd) {
        VkBufferCopy region{0, 0, bytes};
        vkCmdCopyBuffer(cmd, staging.handle(), buffer.handle(), 1, &region);
        VkBufferMemoryBarrier barrier{VK_STRUCTURE_TYPE_BUFFER_MEMORY_BARRIER};
        barrier.srcAccessMask = VK_ACCESS_TRANSFER_WRITE_BIT;
        barrier.dstAccessMask = VK_ACCESS_SHADER_READ_BIT;
        barrier.srcQueueFamilyIndex = barrier.dstQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
        barrier.buffer = buffer.handle();
        barrier.size = VK_WHOLE_SIZE;
        vkCmdPipelineBarrier(cmd, VK_PIPELINE_STAGE_TRANSFER_BIT, VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT, 0, 0, nullptr,
                             1, &barrier, 0, nullptr);
    });
    return buffer;
}

GpuBuffer::~GpuBuffer() { release(); }

GpuBuffer::GpuBuffer(GpuBuffer&& o) noexcept { *this = std::move(o); }

GpuBuffer& GpuBuffer::operator=(GpuBuffer&& o) noexcept {
    if (this != &o) {
        release();
        gpu_ = std::exchange(o.gpu_, nullptr);
        buffer_ = std::exchange(o.buffer_, VK_NULL_HANDLE);
        memory_ = std::exchange(o.memory_, VK_NULL_HANDLE);
        size_ = std::exchange(o.size_, 0);
        mapped_ = std::exchange(o.mapped_, nullptr);
        coherent_ = o.coherent_;
    }
    return *this;
}

void GpuBuffer::flush() const {
    if (coherent_ || !mapped_) return;
    VkMappedMemoryRange range{VK_STRUCTURE_TYPE_MAPPED_MEMORY_RANGE, nullptr, memory_, 0, VK_WHOLE_SIZE};
    vkFlushMappedMemoryRanges(gpu_->device(), 1, &range);
}

void GpuBuffer::invalidate() const {
    if (coherent_ || !mapped_) return;
    VkMappedMemoryRange range{VK_STRUCTURE_TYPE_MAPPED_MEMORY_RANGE, nullptr, memory_, 0, VK_WHOLE_SIZE};
    vkInvalidateMappedMemoryRanges(gpu_->device(), 1, &range);
}

void GpuBuffer::release() {
    if (!gpu_) return;
    VkDevice device = gpu_->device();
    if (mapped_) vkUnmapMemory(device, memory_);
    if (buffer_) vkDestroyBuffer(device, buffer_, nullptr);
    if (memory_) vkFreeMemory(device, memory_, nullptr);
    buffer_ = VK_NULL_HANDLE;
    memory_ = VK_NULL_HANDLE;
    mapped_ = nullptr;
    gpu_ = nullptr;
}

}  // namespace tinct
