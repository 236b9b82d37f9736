#include "engine/gpu/GpuTexture.h"

#include <cstring>

#include "engine/Error.h"
#include "engine/gpu/GpuBuffer.h"
#include "engine/gpu/GpuContext.h"
#include "engine/gpu/VulkanCheck.h"

namespace tinct {

GpuTexture::GpuTexture(GpuContext& gpu, TextureShape shape, std::span<const float> rgba, bool linear) : gpu_(gpu) {
    const VkFormat format = VK_FORMAT_R32G32B32A32_SFLOAT;
    const size_t texels = size_t(shape.width) * shape.height * shape.depth;
    if (rgba.size() != texels * 4) throw Error("internal: texture data does not match its size");

    if (linear) {
        VkFormatProperties props;
        vkGetPhysicalDeviceFormatProperties(gpu.physicalDevice(), format, &props);
        if (!(props.optimalTilingFeatures & VK_FORMAT_FEATURE_SAMPLED_IMAGE_FILTER_LINEAR_BIT))
            throw Error("the Vulkan device " + gpu.description().name +
                        " cannot filter 32-bit float textures linearly, which LUT interpolation needs");
    }

    const VkImageType types[] = {VK_IMAGE_TYPE_1D, VK_IMAGE_TYPE_2D, VK_IMAGE_TYPE_3D};
    const VkImageViewType viewTypes[] = {VK_IMAGE_VIEW_TYPE_1D, VK_IMAGE_VIEW_TYPE_2D, VK_IMAGE_VIEW_TYPE_3D};
    VkImageCreateInfo info{VK_STRUCTURE_TYPE_IMAGE_CREATE_INFO};
    info.imageType = types[shape.dimensions - 1];
    info.format = format;
    info.extent = {shape.width, shape.height, shape.depth};
    info.mipLevels = 1;
    info.arrayLayers = 1;
    info.samples = VK_SAMPLE_COUNT_1_BIT;
    info.tiling = VK_IMAGE_TILING_OPTIMAL;
    info.usage = VK_IMAGE_USAGE_SAMPLED_BIT | VK_IMAGE_USAGE_TRANSFER_DST_BIT;
    info.initialLayout = VK_IMAGE_LAYOUT_UNDEFINED;
    VkDevice device = gpu.device();
    vkCheck(vkCreateImage(device, &info, nullptr, &image_), "creating a LUT texture");

    VkMemoryRequirements req;
    vkGetImageMemoryRequirements(device, image_, &req);
    VkMemoryAllocateInfo alloc{VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO};
    alloc.allocationSize = req.size;
    alloc.memoryTypeIndex = gpu.memoryType(req.memoryTypeBits, VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT);
    vkCheck(vkAllocateMemory(device, &alloc, nullptr, &memory_), "allocating LUT texture memory");
    vkCheck(vkBindImageMemory(device, image_, memory_, 0), "binding LUT texture memory");

    GpuBuffer staging(gpu, rgba.size_bytes(), BufferUse::Upload);
    std::memcpy(staging.mapped(), rgba.data(), rgba.size_bytes());
    staging.flush();
    gpu.runOnce([&](VkCommandBuffer cmd) {
        VkImageMemoryBarrier barrier{VK_STRUCTURE_TYPE_IMAGE_MEMORY_BARRIER};
        barrier.srcQueueFamilyIndex = barrier.dstQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
        barrier.image = image_;
        barrier.subresourceRange = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 1, 0, 1};
        barrier.oldLayout = VK_IMAGE_LAYOUT_UNDEFINED;
        barrier.newLayout = VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL;
        barrier.dstAccessMask = VK_ACCESS_TRANSFER_WRITE_BIT;
        vkCmdPipelineBarrier(cmd, VK_PIPELINE_STAGE_TOP_OF_PIPE_BIT, VK_PIPELINE_STAGE_TRANSFER_BIT, 0, 0, nullptr,
                             0, nullptr, 1, &barrier);
        VkBufferImageCopy region{};
        region.imageSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, 1};
        region.imageExtent = info.extent;
        vkCmdCopyBufferToImage(cmd, staging.handle(), image_, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, 1, &region);
        barrier.oldLayout = VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL;
        barrier.newLayout = VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL;
        barrier.srcAccessMask = VK_ACCESS_TRANSFER_WRITE_BIT;
        barrier.dstAccessMask = VK_ACCESS_SHADER_READ_BIT;
        vkCmdPipelineBarrier(cmd, VK_PIPELINE_STAGE_TRANSFER_BIT, VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT, 0, 0,
                             nullptr, 0, nullptr, 1, &barrier);
    });

    VkImageViewCreateInfo viewInfo{VK_STRUCTURE_TYPE_IMAGE_VIEW_CREATE_INFO};
    viewInfo.image = image_;
    viewInfo.viewType = viewTypes[shape.dimensions - 1];
    viewInfo.format = format;
    viewInfo.subresourceRange = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 1, 0, 1};
    vkCheck(vkCreateImageView(device, &viewInfo, nullptr, &view_), "creating a LUT texture view");

    VkSamplerCreateInfo samplerInfo{VK_STRUCTURE_TYPE_SAMPLER_CREATE_INFO};
    samplerInfo.magFilter = samplerInfo.minFilter = linear ? VK_FILTER_LINEAR : VK_FILTER_NEAREST;
    samplerInfo.mipmapMode = VK_SAMPLER_MIPMAP_MODE_NEAREST;
    samplerInfo.addressModeU = samplerInfo.addressModeV = samplerInfo.addressModeW =
        VK_SAMPLER_ADDRESS_MODE_CLAMP_TO_EDGE;
    samplerInfo.maxLod = 0.0f;
    vkCheck(vkCreateSampler(device, &samplerInfo, nullptr, &sampler_), "creating a LUT sampler");
}

GpuTexture::~GpuTexture() {
    VkDevice device = gpu_.device();
    vkDestroySampler(device, sampler_, nullptr);
    vkDestroyImageView(device, view_, nullptr);
    vkDestroyImage(device, image_, nullptr);
    vkFreeMemory(device, memory_, nullptr);
}

}  // namespace tinct
