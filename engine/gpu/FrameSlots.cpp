#include "engine/gpu/FrameSlots.h"

#include <cstring>

#include "engine/Error.h"
#include "engine/gpu/GpuContext.h"
#include "engine/gpu/VulkanCheck.h"

namespace tinct {

namespace {

void bufferBarrier(VkCommandBuffer cmd, VkBuffer buffer, VkAccessFlags src, VkAccessFlags dst,
                   VkPipelineStageFlags srcStage, VkPipelineStageFlags dstStage) {
    VkBufferMemoryBarrier b{VK_STRUCTURE_TYPE_BUFFER_MEMORY_BARRIER};
    b.srcAccessMask = src;
    b.dstAccessMask = dst;
    b.srcQueueFamilyIndex = b.dstQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
    b.buffer = buffer;
    b.size = VK_WHOLE_SIZE;
    vkCmdPipelineBarrier(cmd, srcStage, dstStage, 0, 0, nullptr, 1, &b, 0, nullptr);
}

}  // namespace

FrameSlots::FrameSlots(GpuContext& gpu, size_t slotCount, RecordWork record)
    : gpu_(gpu), record_(std::move(record)), slots_(slotCount) {
    VkDevice device = gpu.device();
    VkCommandPoolCreateInfo poolInfo{VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO};
    poolInfo.flags = VK_COMMAND_POOL_CREATE_RESET_COMMAND_BUFFER_BIT;
    poolInfo.queueFamilyIndex = gpu.queueFamily();
    vkCheck(vkCreateCommandPool(device, &poolInfo, nullptr, &pool_), "creating the frame command pool");
    try {
        createSlots();
    } catch (...) {
        release();
        throw;
    }
}

void FrameSlots::createSlots() {
    VkDevice device = gpu_.device();
    if (gpu_.timestampPeriodNs()) {
        VkQueryPoolCreateInfo q{VK_STRUCTURE_TYPE_QUERY_POOL_CREATE_INFO};
        q.queryType = VK_QUERY_TYPE_TIMESTAMP;
        q.queryCount = uint32_t(2 * slots_.size());
        vkCheck(vkCreateQueryPool(device, &q, nullptr, &timestamps_), "creating GPU timestamp queries");
    }
    for (auto& slot : slots_) {
        VkCommandBufferAllocateInfo alloc{VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO};
        alloc.commandPool = pool_;
        alloc.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY;
        alloc.commandBufferCount = 1;
        vkCheck(vkAllocateCommandBuffers(device, &alloc, &slot.cmd), "allocating a frame command buffer");
        VkFenceCreateInfo fenceInfo{VK_STRUCTURE_TYPE_FENCE_CREATE_INFO};
        vkCheck(vkCreateFence(device, &fenceInfo, nullptr, &slot.fence), "creating a frame fence");
    }
}

FrameSlots::~FrameSlots() { release(); }

void FrameSlots::release() {
    VkDevice device = gpu_.device();
    for (auto& slot : slots_) {
        if (slot.busy) vkWaitForFences(device, 1, &slot.fence, VK_TRUE, UINT64_MAX);
        if (slot.fence) vkDestroyFence(device, slot.fence, nullptr);
        slot.fence = VK_NULL_HANDLE;
        slot.busy = false;
    }
    if (timestamps_) vkDestroyQueryPool(device, timestamps_, nullptr);
    if (pool_) vkDestroyCommandPool(device, pool_, nullptr);
    timestamps_ = VK_NULL_HANDLE;
    pool_ = VK_NULL_HANDLE;
}

void FrameSlots::reserve(GpuBuffer& gpuSide, GpuBuffer& staging, BufferUse stagingUse, size_t bytes) {
    if (gpuSide.size() >= bytes) return;
    if (gpu_.unifiedMemory()) {
        gpuSide = GpuBuffer(gpu_, bytes, BufferUse::Shared);
    } else {
        gpuSide = GpuBuffer(gpu_, bytes, BufferUse::Device);
        staging = GpuBuffer(gpu_, bytes, stagingUse);
    }
}

void* FrameSlots::input(size_t index, size_t bytes) {
    Slot& slot = slots_[index];
    if (slot.busy) throw Error("internal error: frame slot reused while the GPU runs it");
    reserve(slot.source, slot.upload, BufferUse::Upload, bytes);
    slot.inputBytes = bytes;
    return gpu_.unifiedMemory() ? slot.source.mapped() : slot.upload.mapped();
}

void FrameSlots::submit(size_t index, size_t outputBytes) {
    Slot& slot = slots_[index];
    reserve(slot.destination, slot.download, BufferUse::Download, outputBytes);
    slot.outputBytes = outputBytes;
    const bool staged = !gpu_.unifiedMemory();
    if (slot.inputBytes > 0) (staged ? slot.upload : slot.source).flush();

    VkCommandBuffer cmd = slot.cmd;
    vkResetCommandBuffer(cmd, 0);
    VkCommandBufferBeginInfo begin{VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO};
    begin.flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT;
    vkBeginCommandBuffer(cmd, &begin);
    const uint32_t query = uint32_t(2 * index);
    if (timestamps_) vkCmdResetQueryPool(cmd, timestamps_, query, 2);
    if (slot.inputBytes == 0) {
        // Work on what the GPU holds already (an evaluator's ring).
    } else if (staged) {
        VkBufferCopy region{0, 0, slot.inputBytes};
        vkCmdCopyBuffer(cmd, slot.upload.handle(), slot.source.handle(), 1, &region);
        bufferBarrier(cmd, slot.source.handle(), VK_ACCESS_TRANSFER_WRITE_BIT, VK_ACCESS_SHADER_READ_BIT,
                      VK_PIPELINE_STAGE_TRANSFER_BIT, VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT);
    } else {
        bufferBarrier(cmd, slot.source.handle(), VK_ACCESS_HOST_WRITE_BIT, VK_ACCESS_SHADER_READ_BIT,
                      VK_PIPELINE_STAGE_HOST_BIT, VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT);
    }
    if (timestamps_) vkCmdWriteTimestamp(cmd, VK_PIPELINE_STAGE_TOP_OF_PIPE_BIT, timestamps_, query);
    record_(cmd, slot.source.handle(), slot.destination.handle());
    if (timestamps_) vkCmdWriteTimestamp(cmd, VK_PIPELINE_STAGE_BOTTOM_OF_PIPE_BIT, timestamps_, query + 1);
    if (outputBytes == 0) {
        // Work whose results stay on the GPU (a source frame taken into an evaluator's ring).
    } else if (staged) {
        bufferBarrier(cmd, slot.destination.handle(), VK_ACCESS_SHADER_WRITE_BIT, VK_ACCESS_TRANSFER_READ_BIT,
                      VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT, VK_PIPELINE_STAGE_TRANSFER_BIT);
        VkBufferCopy region{0, 0, slot.outputBytes};
        vkCmdCopyBuffer(cmd, slot.destination.handle(), slot.download.handle(), 1, &region);
        bufferBarrier(cmd, slot.download.handle(), VK_ACCESS_TRANSFER_WRITE_BIT, VK_ACCESS_HOST_READ_BIT,
                      VK_PIPELINE_STAGE_TRANSFER_BIT, VK_PIPELINE_STAGE_HOST_BIT);
    } else {
        bufferBarrier(cmd, slot.destination.handle(), VK_ACCESS_SHADER_WRITE_BIT, VK_ACCESS_HOST_READ_BIT,
                      VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT, VK_PIPELINE_STAGE_HOST_BIT);
    }
    vkCheck(vkEndCommandBuffer(cmd), "recording a frame");

    vkResetFences(gpu_.device(), 1, &slot.fence);
    VkSubmitInfo submit{VK_STRUCTURE_TYPE_SUBMIT_INFO};
    submit.commandBufferCount = 1;
    submit.pCommandBuffers = &cmd;
    {
        std::lock_guard lock(gpu_.queueMutex());
        vkCheck(vkQueueSubmit(gpu_.queue(), 1, &submit, slot.fence), "submitting a frame to the GPU");
    }
    slot.busy = true;
}

const void* FrameSlots::run(const void* data, size_t bytes, size_t outputBytes) {
    std::memcpy(input(0, bytes), data, bytes);
    submit(0, outputBytes);
    return wait(0);
}

const void* FrameSlots::wait(size_t index) {
    Slot& slot = slots_[index];
    if (!slot.busy) throw Error("internal error: waiting on an idle frame slot");
    vkCheck(vkWaitForFences(gpu_.device(), 1, &slot.fence, VK_TRUE, UINT64_MAX), "waiting for the GPU");
    slot.busy = false;
    slot.gpuMs.reset();
    if (timestamps_) {
        uint64_t ticks[2];
        if (vkGetQueryPoolResults(gpu_.device(), timestamps_, uint32_t(2 * index), 2, sizeof(ticks), ticks,
                                  sizeof(uint64_t), VK_QUERY_RESULT_64_BIT) == VK_SUCCESS) {
            const uint64_t mask = gpu_.timestampBits() >= 64 ? ~0ull : (1ull << gpu_.timestampBits()) - 1;
            slot.gpuMs = double((ticks[1] - ticks[0]) & mask) * *gpu_.timestampPeriodNs() * 1e-6;
        }
    }
    if (slot.outputBytes == 0) return nullptr;
    GpuBuffer& out = gpu_.unifiedMemory() ? slot.destination : slot.download;
    out.invalidate();
    return out.mapped();
}

std::optional<double> FrameSlots::gpuMilliseconds(size_t slot) const { return slots_[slot].gpuMs; }

}  // namespace tinct
