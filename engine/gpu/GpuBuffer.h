#pragma once
// A Vulkan buffer with its own memory. Frames are few and large, so one allocation per buffer is
// simpler than a sub-allocator and costs nothing measurable.
#include <vulkan/vulkan.h>

#include <cstddef>

namespace tinct {

class GpuContext;

enum class BufferUse {
    Device,    // lives on the GPU; shaders read and write it
    Upload,    // host writes, GPU copies from it
    Download,  // GPU copies into it, host reads (cached memory where there is some)
    Shared,    // GPU-local and host-visible at once (unified memory): no staging copies needed
};

class GpuBuffer {
public:
    GpuBuffer() = default;
    GpuBuffer(GpuContext& gpu, size_t bytes, BufferUse use, VkBufferUsageFlags extraUsage = 0);

    // A GPU storage buffer holding `bytes` of `data`, uploaded through staging where the GPU's
    // memory is not host-visible. For data that is written once (LUTs).
    static GpuBuffer withData(GpuContext& gpu, const void* data, size_t bytes);
    ~GpuBuffer();
    GpuBuffer(GpuBuffer&& other) noexcept;
    GpuBuffer& operator=(GpuBuffer&& other) noexcept;
    GpuBuffer(const GpuBuffer&) = delete;
    GpuBuffer& operator=(const GpuBuffer&) = delete;

    VkBuffer handle() const { return buffer_; }
    size_t size() const { return size_; }
    void* mapped() const { return mapped_; }  // null for Device buffers
    // Makes host writes visible to the GPU / GPU writes visible to the host on non-coherent memory.
    void flush() const;
    void invalidate() const;

private:
    void allocate(BufferUse use);
    void release();

    GpuContext* gpu_ = nullptr;
    VkBuffer buffer_ = VK_NULL_HANDLE;
    VkDeviceMemory memory_ = VK_NULL_HANDLE;
    size_t size_ = 0;
    void* mapped_ = nullptr;
    bool coherent_ = true;
};

}  // namespace tinct
