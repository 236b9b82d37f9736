#pragma once
// What shaders write and the host reads back once the work is done: one host-visible buffer where
// the GPU's memory is the host's (unified), else a GPU buffer copied into a host one.
#include <vulkan/vulkan.h>

#include <cstddef>
#include <span>

#include "engine/gpu/GpuBuffer.h"

namespace tinct {

class ReadbackBuffer {
public:
    ReadbackBuffer() = default;
    ReadbackBuffer(GpuContext& gpu, size_t bytes);

    // What the shaders write (a storage buffer).
    VkBuffer target() const { return gpu_.handle(); }
    size_t size() const { return gpu_.size(); }
    // Recorded after the shaders that write target(): makes their writes the host's to read.
    void recordReadback(VkCommandBuffer cmd) const { recordReadbacks(cmd, {{this}}); }
    // The same for several buffers, with one barrier each side of their copies.
    static void recordReadbacks(VkCommandBuffer cmd, std::span<const ReadbackBuffer* const> buffers);
    // Once the command buffer completed: the bytes.
    const void* host() const;

private:
    GpuBuffer gpu_, download_;  // download_ only where GPU memory is not host-visible
};

}  // namespace tinct
