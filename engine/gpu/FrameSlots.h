#pragma once
// The GPU side of a render: a small ring of frame slots, each with its own buffers, command buffer,
// fence and timestamps, so the host fills slot n+1 and empties slot n-1 while the GPU runs slot n.
// On unified memory (lavapipe, integrated GPUs) the host writes and reads the GPU's buffers in
// place; on a discrete GPU uploads and downloads go through staging buffers.
#include <vulkan/vulkan.h>

#include <functional>
#include <optional>
#include <vector>

#include "engine/gpu/GpuBuffer.h"

namespace tinct {

class GpuContext;

class FrameSlots {
public:
    // `record` adds the frame's work between upload and download: (cmd, source, destination).
    using RecordWork = std::function<void(VkCommandBuffer, VkBuffer, VkBuffer)>;

    FrameSlots(GpuContext& gpu, size_t slotCount, RecordWork record);
    ~FrameSlots();
    FrameSlots(const FrameSlots&) = delete;
    FrameSlots& operator=(const FrameSlots&) = delete;

    size_t size() const { return slots_.size(); }

    // Host memory for the slot's input, `bytes` long (0: the slot's next frame uploads nothing). The
    // slot must be idle.
    void* input(size_t slot, size_t bytes);
    // Runs the slot's frame on the GPU, `outputBytes` of result (0: nothing comes back, the work's
    // results stay on the GPU); returns at once.
    void submit(size_t slot, size_t outputBytes);
    bool busy(size_t slot) const { return slots_[slot].busy; }
    // Waits for the slot's frame and returns its output (valid until the slot is reused; null when it
    // had none).
    const void* wait(size_t slot);
    // One frame at a time (a LUT lattice, a still, a test frame): `bytes` of `data` into slot 0, run,
    // waited for. Returns the output, valid until slot 0 is reused.
    const void* run(const void* data, size_t bytes, size_t outputBytes);
    // GPU time of the slot's last frame in milliseconds, when the device has timestamps.
    std::optional<double> gpuMilliseconds(size_t slot) const;

private:
    struct Slot {
        size_t inputBytes = 0, outputBytes = 0;    // of the frame in the slot
        GpuBuffer source, destination;             // what the kernel reads and writes
        GpuBuffer upload, download;                // staging, discrete GPUs only
        VkCommandBuffer cmd = VK_NULL_HANDLE;
        VkFence fence = VK_NULL_HANDLE;
        bool busy = false;
        std::optional<double> gpuMs;
    };
    // Grows the buffers pair (GPU buffer, staging buffer) to hold `bytes`.
    void createSlots();
    void release();
    void reserve(GpuBuffer& gpuSide, GpuBuffer& staging, BufferUse stagingUse, size_t bytes);

    GpuContext& gpu_;
    RecordWork record_;
    std::vector<Slot> slots_;
    VkCommandPool pool_ = VK_NULL_HANDLE;
    VkQueryPool timestamps_ = VK_NULL_HANDLE;
};

}  // namespace tinct
