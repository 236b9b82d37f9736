#include "engine/gpu/ComputeKernel.h"

#include <algorithm>

#include "engine/Error.h"
#include "engine/gpu/GpuContext.h"
#include "engine/gpu/VulkanCheck.h"

namespace tinct {

namespace {

VkDescriptorType descriptorType(BindingKind kind) {
    switch (kind) {
        case BindingKind::StorageBuffer: return VK_DESCRIPTOR_TYPE_STORAGE_BUFFER;
        case BindingKind::UniformBuffer: return VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER;
        case BindingKind::Sampler: return VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER;
    }
    return VK_DESCRIPTOR_TYPE_STORAGE_BUFFER;
}

}  // namespace

ComputeKernel::ComputeKernel(GpuContext& gpu, std::span<const uint32_t> spirv, std::vector<BindingKind> layout,
                             uint32_t pushConstantBytes, const std::string& name, std::span<const uint32_t> specialization)
    : gpu_(gpu), name_(name), layout_(std::move(layout)), pushConstantBytes_(pushConstantBytes) {
    if (spirv.empty()) throw Error("internal error: no SPIR-V for kernel " + name);
    VkDevice device = gpu.device();
    pushDescriptors_ =
        reinterpret_cast<PFN_vkCmdPushDescriptorSetKHR>(vkGetDeviceProcAddr(device, "vkCmdPushDescriptorSetKHR"));

    VkShaderModuleCreateInfo moduleInfo{VK_STRUCTURE_TYPE_SHADER_MODULE_CREATE_INFO};
    moduleInfo.codeSize = spirv.size_bytes();
    moduleInfo.pCode = spirv.data();
    vkCheck(vkCreateShaderModule(device, &moduleInfo, nullptr, &module_), "creating shader module " + name);

    std::vector<VkDescriptorSetLayoutBinding> bindings;
    for (uint32_t i = 0; i < layout_.size(); ++i)
        bindings.push_back({i, descriptorType(layout_[i]), 1, VK_SHADER_STAGE_COMPUTE_BIT, nullptr});
    VkDescriptorSetLayoutCreateInfo setInfo{VK_STRUCTURE_TYPE_DESCRIPTOR_SET_LAYOUT_CREATE_INFO};
    setInfo.flags = VK_DESCRIPTOR_SET_LAYOUT_CREATE_PUSH_DESCRIPTOR_BIT_KHR;
    setInfo.bindingCount = uint32_t(bindings.size());
    setInfo.pBindings = bindings.data();
    vkCheck(vkCreateDescriptorSetLayout(device, &setInfo, nullptr, &setLayout_), "creating descriptor layout " + name);

    VkPushConstantRange range{VK_SHADER_STAGE_COMPUTE_BIT, 0, pushConstantBytes};
    VkPipelineLayoutCreateInfo layoutInfo{VK_STRUCTURE_TYPE_PIPELINE_LAYOUT_CREATE_INFO};
    layoutInfo.setLayoutCount = 1;
    layoutInfo.pSetLayouts = &setLayout_;
    layoutInfo.pushConstantRangeCount = pushConstantBytes ? 1 : 0;
    layoutInfo.pPushConstantRanges = &range;
    vkCheck(vkCreatePipelineLayout(device, &layoutInfo, nullptr, &pipelineLayout_), "creating pipeline layout " + name);

    VkComputePipelineCreateInfo pipelineInfo{VK_STRUCTURE_TYPE_COMPUTE_PIPELINE_CREATE_INFO};
    pipelineInfo.stage = {VK_STRUCTURE_TYPE_PIPELINE_SHADER_STAGE_CREATE_INFO};
    pipelineInfo.stage.stage = VK_SHADER_STAGE_COMPUTE_BIT;
    pipelineInfo.stage.module = module_;
    pipelineInfo.stage.pName = "main";
    std::vector<VkSpecializationMapEntry> entries;
    for (uint32_t i = 0; i < specialization.size(); ++i) entries.push_back({i, i * 4, 4});
    const VkSpecializationInfo specialized{uint32_t(entries.size()), entries.data(), specialization.size_bytes(),
                                           specialization.data()};
    if (!specialization.empty()) pipelineInfo.stage.pSpecializationInfo = &specialized;
    pipelineInfo.layout = pipelineLayout_;
    vkCheck(vkCreateComputePipelines(device, VK_NULL_HANDLE, 1, &pipelineInfo, nullptr, &pipeline_),
            "creating compute pipeline " + name);
}

ComputeKernel::~ComputeKernel() {
    VkDevice device = gpu_.device();
    vkDestroyPipeline(device, pipeline_, nullptr);
    vkDestroyPipelineLayout(device, pipelineLayout_, nullptr);
    vkDestroyDescriptorSetLayout(device, setLayout_, nullptr);
    vkDestroyShaderModule(device, module_, nullptr);
}

void ComputeKernel::record(VkCommandBuffer cmd, std::span<const Binding> bindings, const void* pushConstants,
                           uint32_t groupsX, uint32_t groupsY, uint32_t groupsZ) const {
    if (bindings.size() != layout_.size()) throw Error("internal error: wrong number of bindings for " + name_);
    std::vector<VkDescriptorBufferInfo> buffers(bindings.size());
    std::vector<VkDescriptorImageInfo> images(bindings.size());
    std::vector<VkWriteDescriptorSet> writes(bindings.size());
    for (uint32_t i = 0; i < bindings.size(); ++i) {
        VkWriteDescriptorSet& w = writes[i];
        w = {VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET};
        w.dstBinding = i;
        w.descriptorCount = 1;
        w.descriptorType = descriptorType(layout_[i]);
        if (layout_[i] == BindingKind::Sampler) {
            images[i] = {bindings[i].sampler, bindings[i].view, VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL};
            w.pImageInfo = &images[i];
        } else {
            buffers[i] = {bindings[i].buffer, bindings[i].offset, bindings[i].range};
            w.pBufferInfo = &buffers[i];
        }
    }
    vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_COMPUTE, pipeline_);
    if (!writes.empty())
        pushDescriptors_(cmd, VK_PIPELINE_BIND_POINT_COMPUTE, pipelineLayout_, 0, uint32_t(writes.size()),
                         writes.data());
    if (pushConstantBytes_)
        vkCmdPushConstants(cmd, pipelineLayout_, VK_SHADER_STAGE_COMPUTE_BIT, 0, pushConstantBytes_, pushConstants);
    vkCmdDispatch(cmd, groupsX, groupsY, groupsZ);
}

LinearGroups linearGroups(const GpuContext& gpu, uint32_t invocations, uint32_t groupSize) {
    const uint32_t groups = std::max(1u, (invocations + groupSize - 1) / groupSize);
    const uint32_t x = std::min(groups, gpu.limits().maxComputeWorkGroupCount[0]);
    return {x, (groups + x - 1) / x, x * groupSize};
}

void computeBarrier(VkCommandBuffer cmd) {
    VkMemoryBarrier b{VK_STRUCTURE_TYPE_MEMORY_BARRIER, nullptr, VK_ACCESS_SHADER_WRITE_BIT,
                      VK_ACCESS_SHADER_READ_BIT | VK_ACCESS_SHADER_WRITE_BIT};
    vkCmdPipelineBarrier(cmd, VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT, VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT, 0, 1, &b, 0,
                         nullptr, 0, nullptr);
}

}  // namespace tinct
