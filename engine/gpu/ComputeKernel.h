#pragma once
// A compute pipeline and the layout of what it binds. Bindings are pushed per dispatch
// (VK_KHR_push_descriptor), so a kernel needs no descriptor pools and frames can be swapped freely.
#include <vulkan/vulkan.h>

#include <span>
#include <string>
#include <vector>

namespace tinct {

class GpuContext;

enum class BindingKind { StorageBuffer, UniformBuffer, Sampler };

// One resource bound at a dispatch, in binding order.
struct Binding {
    BindingKind kind = BindingKind::StorageBuffer;
    VkBuffer buffer = VK_NULL_HANDLE;  // buffers
    VkDeviceSize offset = 0, range = VK_WHOLE_SIZE;
    VkImageView view = VK_NULL_HANDLE; // samplers
    VkSampler sampler = VK_NULL_HANDLE;
};

class ComputeKernel {
public:
    // `specialization`: values of the shader's specialisation constants 0, 1, ... (uint32 each), so
    // that what is fixed for a stream or a layout is compiled in rather than read at run time: on a
    // CPU device (lavapipe) straight-line code is what the vectoriser turns into fast code.
    ComputeKernel(GpuContext& gpu, std::span<const uint32_t> spirv, std::vector<BindingKind> layout,
                  uint32_t pushConstantBytes, const std::string& name, std::span<const uint32_t> specialization = {});
    ~ComputeKernel();
    ComputeKernel(const ComputeKernel&) = delete;
    ComputeKernel& operator=(const ComputeKernel&) = delete;

    // Binds the pipeline, pushes the bindings and push constants, and dispatches groups.
    void record(VkCommandBuffer cmd, std::span<const Binding> bindings, const void* pushConstants,
                uint32_t groupsX, uint32_t groupsY, uint32_t groupsZ = 1) const;

    const std::string& name() const { return name_; }

private:
    GpuContext& gpu_;
    std::string name_;
    std::vector<BindingKind> layout_;
    uint32_t pushConstantBytes_ = 0;
    VkShaderModule module_ = VK_NULL_HANDLE;
    VkDescriptorSetLayout setLayout_ = VK_NULL_HANDLE;
    VkPipelineLayout pipelineLayout_ = VK_NULL_HANDLE;
    VkPipeline pipeline_ = VK_NULL_HANDLE;
    PFN_vkCmdPushDescriptorSetKHR pushDescriptors_ = nullptr;
};

// Work groups for `invocations` in one dimension: groups fill rows of at most
// maxComputeWorkGroupCount[0], and more need more rows. The shader's index is y * rowPitch + x.
struct LinearGroups {
    uint32_t x = 1, y = 1, rowPitch = 0;
};
LinearGroups linearGroups(const GpuContext& gpu, uint32_t invocations, uint32_t groupSize);

// A compute-to-compute barrier: what one dispatch wrote is what the next reads (or overwrites).
void computeBarrier(VkCommandBuffer cmd);

}  // namespace tinct
