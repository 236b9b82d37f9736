#include "app/gui/StationWindow.h"

#define GLFW_INCLUDE_VULKAN
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_vulkan.h>

#include <algorithm>
#include <cstring>

#include "app/gui/GraphicsWhite.h"
#include "engine/Error.h"
#include "engine/color/Primaries.h"
#include "engine/gpu/GpuContext.h"
#include "engine/gpu/VulkanCheck.h"

namespace tinct {
namespace {

void checkImGuiVk(VkResult r) {
    if (r != VK_SUCCESS) throw Error("Vulkan error " + std::to_string(int(r)) + " in the UI renderer");
}

void imageBarrier(VkCommandBuffer cmd, VkImage image, VkImageLayout from, VkImageLayout to, VkAccessFlags srcAccess,
                  VkAccessFlags dstAccess, VkPipelineStageFlags srcStage, VkPipelineStageFlags dstStage) {
    VkImageMemoryBarrier b{VK_STRUCTURE_TYPE_IMAGE_MEMORY_BARRIER};
    b.srcAccessMask = srcAccess;
    b.dstAccessMask = dstAccess;
    b.oldLayout = from;
    b.newLayout = to;
    b.srcQueueFamilyIndex = b.dstQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
    b.image = image;
    b.subresourceRange = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 1, 0, 1};
    vkCmdPipelineBarrier(cmd, srcStage, dstStage, 0, 0, nullptr, 0, nullptr, 1, &b);
}

// The UI's colours are sRGB code values; on an HDR10 window each vertex colour is mapped to PQ at
// graphics white before ImGui uploads the vertices (see GraphicsWhite.h). Runs of one colour are
// common (text, frames), so the last mapping is reused.
void uiToGraphicsWhite(ImDrawData* data) {
    uint32_t lastIn = 0, lastOut = sdrToGraphicsWhitePq(0u);
    for (int l = 0; l < data->CmdListsCount; ++l)
        for (ImDrawVert& v : data->CmdLists[l]->VtxBuffer) {
            if (v.col != lastIn) lastIn = v.col, lastOut = sdrToGraphicsWhitePq(v.col);
            v.col = lastOut;
        }
}

// Window pixels as the swapchain holds them (32 bits each, as `packing` says) to 8-bit RGBA.
void unpackToRgba8(const uint32_t* src, WindowPacking packing, std::vector<uint8_t>& rgba) {
    const size_t pixels = rgba.size() / 4;
    for (size_t i = 0; i < pixels; ++i) {
        const uint32_t p = src[i];
        uint32_t r = 0, g = 0, b = 0;
        switch (packing) {
            case WindowPacking::Rgba8: r = p & 255u, g = (p >> 8) & 255u, b = (p >> 16) & 255u; break;
            case WindowPacking::Bgra8: b = p & 255u, g = (p >> 8) & 255u, r = (p >> 16) & 255u; break;
            case WindowPacking::A2B10G10R10: r = p & 1023u, g = (p >> 10) & 1023u, b = (p >> 20) & 1023u; break;
            case WindowPacking::A2R10G10B10: b = p & 1023u, g = (p >> 10) & 1023u, r = (p >> 20) & 1023u; break;
        }
        if (packing == WindowPacking::A2B10G10R10 || packing == WindowPacking::A2R10G10B10) {
            // Nearest 8-bit code for the 10-bit one: v * 255 / 1023, rounded.
            r = (r * 255u + 511u) / 1023u, g = (g * 255u + 511u) / 1023u, b = (b * 255u + 511u) / 1023u;
        }
        rgba[i * 4 + 0] = uint8_t(r), rgba[i * 4 + 1] = uint8_t(g), rgba[i * 4 + 2] = uint8_t(b), rgba[i * 4 + 3] = 255;
    }
}

}  // namespace

std::vector<std::string> StationWindow::requiredInstanceExtensions() {
    if (!glfwInit()) {
        const char* what = nullptr;
        glfwGetError(&what);
        throw Error(std::string("cannot open a window: ") + (what ? what : "GLFW failed to start") +
                    " (is DISPLAY set? under no display, run the station with xvfb-run)");
    }
    if (!glfwVulkanSupported()) throw Error("cannot open a window: the Vulkan loader has no window-system support");
    uint32_t count = 0;
    const char** names = glfwGetRequiredInstanceExtensions(&count);
    return std::vector<std::string>(names, names + count);
}

std::vector<std::string> StationWindow::optionalInstanceExtensions() { return {VK_EXT_SWAPCHAIN_COLOR_SPACE_EXTENSION_NAME}; }

std::vector<std::string> StationWindow::optionalDeviceExtensions() { return {VK_EXT_HDR_METADATA_EXTENSION_NAME}; }

StationWindow::StationWindow(GpuContext& gpu, int width, int height, const std::string& title, SwapchainSignal signal)
    : gpu_(gpu) {
    glfwWindowHint(GLFW_CLIENT_API, GLFW_NO_API);
    window_ = glfwCreateWindow(width, height, title.c_str(), nullptr, nullptr);
    if (!window_) throw Error("cannot open a window of " + std::to_string(width) + "x" + std::to_string(height));
    try {
        vkCheck(glfwCreateWindowSurface(gpu_.instance(), window_, nullptr, &surface_), "creating the window surface");
        VkBool32 present = VK_FALSE;
        vkGetPhysicalDeviceSurfaceSupportKHR(gpu_.physicalDevice(), gpu_.queueFamily(), surface_, &present);
        if (!present) throw Error("the Vulkan device " + gpu_.description().name + " cannot present to this window");

        uint32_t count = 0;
        vkGetPhysicalDeviceSurfaceFormatsKHR(gpu_.physicalDevice(), surface_, &count, nullptr);
        SurfaceOffer offer;
        offer.formats.resize(count);
        vkGetPhysicalDeviceSurfaceFormatsKHR(gpu_.physicalDevice(), surface_, &count, offer.formats.data());
        offer.extendedColourSpaces = gpu_.instanceExtensionEnabled(VK_EXT_SWAPCHAIN_COLOR_SPACE_EXTENSION_NAME);
        const SurfaceFormatResult chosen = chooseSurfaceFormat(offer, signal);
        if (!chosen.choice) throw Error(chosen.whyNot);
        choice_ = *chosen.choice;

        VkAttachmentDescription colour{};
        colour.format = choice_.format.format;
        colour.samples = VK_SAMPLE_COUNT_1_BIT;
        colour.loadOp = VK_ATTACHMENT_LOAD_OP_LOAD;  // the composite copied in before the pass
        colour.storeOp = VK_ATTACHMENT_STORE_OP_STORE;
        colour.stencilLoadOp = VK_ATTACHMENT_LOAD_OP_DONT_CARE;
        colour.stencilStoreOp = VK_ATTACHMENT_STORE_OP_DONT_CARE;
        colour.initialLayout = VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL;
        colour.finalLayout = VK_IMAGE_LAYOUT_PRESENT_SRC_KHR;
        VkAttachmentReference ref{0, VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL};
        VkSubpassDescription subpass{};
        subpass.pipelineBindPoint = VK_PIPELINE_BIND_POINT_GRAPHICS;
        subpass.colorAttachmentCount = 1;
        subpass.pColorAttachments = &ref;
        VkSubpassDependency dep{};
        dep.srcSubpass = VK_SUBPASS_EXTERNAL;
        dep.dstSubpass = 0;
        dep.srcStageMask = VK_PIPELINE_STAGE_TRANSFER_BIT | VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT;
        dep.dstStageMask = VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT;
        dep.srcAccessMask = VK_ACCESS_TRANSFER_WRITE_BIT | VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT;
        dep.dstAccessMask = VK_ACCESS_COLOR_ATTACHMENT_READ_BIT | VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT;
        VkRenderPassCreateInfo rp{VK_STRUCTURE_TYPE_RENDER_PASS_CREATE_INFO};
        rp.attachmentCount = 1;
        rp.pAttachments = &colour;
        rp.subpassCount = 1;
        rp.pSubpasses = &subpass;
        rp.dependencyCount = 1;
        rp.pDependencies = &dep;
        vkCheck(vkCreateRenderPass(gpu_.device(), &rp, nullptr, &renderPass_), "creating the window's render pass");

        VkCommandPoolCreateInfo poolInfo{VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO};
        poolInfo.flags = VK_COMMAND_POOL_CREATE_RESET_COMMAND_BUFFER_BIT;
        poolInfo.queueFamilyIndex = gpu_.queueFamily();
        vkCheck(vkCreateCommandPool(gpu_.device(), &poolInfo, nullptr, &pool_), "creating the window's command pool");
        VkCommandBufferAllocateInfo alloc{VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO};
        alloc.commandPool = pool_;
        alloc.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY;
        alloc.commandBufferCount = 1;
        vkCheck(vkAllocateCommandBuffers(gpu_.device(), &alloc, &cmd_), "allocating the window's command buffer");
        VkFenceCreateInfo fenceInfo{VK_STRUCTURE_TYPE_FENCE_CREATE_INFO};
        fenceInfo.flags = VK_FENCE_CREATE_SIGNALED_BIT;
        vkCheck(vkCreateFence(gpu_.device(), &fenceInfo, nullptr, &fence_), "creating the window's fence");
        VkSemaphoreCreateInfo semInfo{VK_STRUCTURE_TYPE_SEMAPHORE_CREATE_INFO};
        vkCheck(vkCreateSemaphore(gpu_.device(), &semInfo, nullptr, &acquired_), "creating a semaphore");

        createSwapchain();
        initImGui();
    } catch (...) {
        this->~StationWindow();
        throw;
    }
}

StationWindow::~StationWindow() {
    if (gpu_.device()) vkDeviceWaitIdle(gpu_.device());
    if (imguiReady_) {
        ImGui_ImplVulkan_Shutdown();
        ImGui_ImplGlfw_Shutdown();
        ImGui::DestroyContext();
        imguiReady_ = false;
    }
    destroySwapchain();
    VkDevice d = gpu_.device();
    if (imguiPool_) vkDestroyDescriptorPool(d, imguiPool_, nullptr);
    if (acquired_) vkDestroySemaphore(d, acquired_, nullptr);
    if (fence_) vkDestroyFence(d, fence_, nullptr);
    if (pool_) vkDestroyCommandPool(d, pool_, nullptr);
    if (renderPass_) vkDestroyRenderPass(d, renderPass_, nullptr);
    if (surface_) vkDestroySurfaceKHR(gpu_.instance(), surface_, nullptr);
    if (window_) glfwDestroyWindow(window_);
    imguiPool_ = VK_NULL_HANDLE, acquired_ = VK_NULL_HANDLE, fence_ = VK_NULL_HANDLE, pool_ = VK_NULL_HANDLE;
    renderPass_ = VK_NULL_HANDLE, surface_ = VK_NULL_HANDLE, window_ = nullptr;
}

void StationWindow::createSwapchain() {
    VkSurfaceCapabilitiesKHR caps{};
    vkGetPhysicalDeviceSurfaceCapabilitiesKHR(gpu_.physicalDevice(), surface_, &caps);
    const VkImageUsageFlags usage =
        VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | VK_IMAGE_USAGE_TRANSFER_DST_BIT | VK_IMAGE_USAGE_TRANSFER_SRC_BIT;
    if ((caps.supportedUsageFlags & usage) != usage)
        throw Error("the window's swapchain cannot be copied to and from, which the station needs");
    int w = 0, h = 0;
    glfwGetFramebufferSize(window_, &w, &h);
    extent_ = caps.currentExtent.width != UINT32_MAX ? caps.currentExtent : VkExtent2D{uint32_t(w), uint32_t(h)};
    extent_.width = std::clamp(extent_.width, std::max(caps.minImageExtent.width, 1u), caps.maxImageExtent.width);
    extent_.height = std::clamp(extent_.height, std::max(caps.minImageExtent.height, 1u), caps.maxImageExtent.height);

    VkSwapchainCreateInfoKHR info{VK_STRUCTURE_TYPE_SWAPCHAIN_CREATE_INFO_KHR};
    info.surface = surface_;
    info.minImageCount = std::max(caps.minImageCount, 2u);
    if (caps.maxImageCount) info.minImageCount = std::min(info.minImageCount, caps.maxImageCount);
    info.imageFormat = choice_.format.format;
    info.imageColorSpace = choice_.format.colorSpace;
    info.imageExtent = extent_;
    info.imageArrayLayers = 1;
    info.imageUsage = usage;
    info.imageSharingMode = VK_SHARING_MODE_EXCLUSIVE;
    info.preTransform = caps.currentTransform;
    info.compositeAlpha = VK_COMPOSITE_ALPHA_OPAQUE_BIT_KHR;
    info.presentMode = VK_PRESENT_MODE_FIFO_KHR;  // always offered
    info.clipped = VK_TRUE;
    vkCheck(vkCreateSwapchainKHR(gpu_.device(), &info, nullptr, &swapchain_), "creating the swapchain");

    uint32_t count = 0;
    vkGetSwapchainImagesKHR(gpu_.device(), swapchain_, &count, nullptr);
    images_.resize(count);
    vkGetSwapchainImagesKHR(gpu_.device(), swapchain_, &count, images_.data());
    for (VkImage image : images_) {
        VkImageViewCreateInfo v{VK_STRUCTURE_TYPE_IMAGE_VIEW_CREATE_INFO};
        v.image = image;
        v.viewType = VK_IMAGE_VIEW_TYPE_2D;
        v.format = choice_.format.format;
        v.subresourceRange = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 1, 0, 1};
        VkImageView view;
        vkCheck(vkCreateImageView(gpu_.device(), &v, nullptr, &view), "creating a swapchain image view");
        views_.push_back(view);
        VkFramebufferCreateInfo fb{VK_STRUCTURE_TYPE_FRAMEBUFFER_CREATE_INFO};
        fb.renderPass = renderPass_;
        fb.attachmentCount = 1;
        fb.pAttachments = &view;
        fb.width = extent_.width;
        fb.height = extent_.height;
        fb.layers = 1;
        VkFramebuffer framebuffer;
        vkCheck(vkCreateFramebuffer(gpu_.device(), &fb, nullptr, &framebuffer), "creating a framebuffer");
        framebuffers_.push_back(framebuffer);
        VkSemaphoreCreateInfo semInfo{VK_STRUCTURE_TYPE_SEMAPHORE_CREATE_INFO};
        VkSemaphore s;
        vkCheck(vkCreateSemaphore(gpu_.device(), &semInfo, nullptr, &s), "creating a semaphore");
        renderDone_.push_back(s);
    }
    sendHdrMetadata();
    const size_t pixels = size_t(extent_.width) * extent_.height;
    background_ = GpuBuffer(gpu_, pixels * 4, BufferUse::Device);
    capture_ = GpuBuffer(gpu_, pixels * 4, BufferUse::Download);
}

// SMPTE ST 2086 mastering display metadata, sent with each new HDR10 swapchain so that a display
// that tone-maps knows the range the picture was made for. Vulkan offers no way to read the
// monitor's own primaries, so the typical HDR grading display is described: P3-D65 primaries
// (SMPTE EG 432-1), 1000 cd/m2 peak, 0.0001 cd/m2 black. MaxCLL and MaxFALL (CTA-861.3) are sent
// as 0, "unknown": they describe finished content, and the picture under grading changes.
void StationWindow::sendHdrMetadata() {
    sentHdrMetadata_ = false;
    if (!isHdr10() || !gpu_.deviceExtensionEnabled(VK_EXT_HDR_METADATA_EXTENSION_NAME)) return;
    auto set = reinterpret_cast<PFN_vkSetHdrMetadataEXT>(vkGetDeviceProcAddr(gpu_.device(), "vkSetHdrMetadataEXT"));
    if (!set) return;
    const Chromaticities p3 = *chromaticitiesOf("P3-D65");
    VkHdrMetadataEXT metadata{VK_STRUCTURE_TYPE_HDR_METADATA_EXT};
    metadata.displayPrimaryRed = {p3.redX, p3.redY};
    metadata.displayPrimaryGreen = {p3.greenX, p3.greenY};
    metadata.displayPrimaryBlue = {p3.blueX, p3.blueY};
    metadata.whitePoint = {p3.whiteX, p3.whiteY};
    metadata.maxLuminance = 1000.0f;
    metadata.minLuminance = 0.0001f;
    metadata.maxContentLightLevel = 0.0f;
    metadata.maxFrameAverageLightLevel = 0.0f;
    set(gpu_.device(), 1, &swapchain_, &metadata);
    sentHdrMetadata_ = true;
}

void StationWindow::destroySwapchain() {
    VkDevice d = gpu_.device();
    for (auto f : framebuffers_) vkDestroyFramebuffer(d, f, nullptr);
    for (auto v : views_) vkDestroyImageView(d, v, nullptr);
    for (auto s : renderDone_) vkDestroySemaphore(d, s, nullptr);
    framebuffers_.clear(), views_.clear(), renderDone_.clear(), images_.clear();
    if (swapchain_) vkDestroySwapchainKHR(d, swapchain_, nullptr);
    swapchain_ = VK_NULL_HANDLE;
}

void StationWindow::initImGui() {
    VkDescriptorPoolSize size{VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, 4};
    VkDescriptorPoolCreateInfo poolInfo{VK_STRUCTURE_TYPE_DESCRIPTOR_POOL_CREATE_INFO};
    poolInfo.flags = VK_DESCRIPTOR_POOL_CREATE_FREE_DESCRIPTOR_SET_BIT;
    poolInfo.maxSets = 4;
    poolInfo.poolSizeCount = 1;
    poolInfo.pPoolSizes = &size;
    vkCheck(vkCreateDescriptorPool(gpu_.device(), &poolInfo, nullptr, &imguiPool_), "creating the UI descriptor pool");

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;  // the layout is the station's, the same on every start
    ImGui::StyleColorsDark();
    ImGui_ImplGlfw_InitForVulkan(window_, true);
    ImGui_ImplVulkan_InitInfo info{};
    info.Instance = gpu_.instance();
    info.PhysicalDevice = gpu_.physicalDevice();
    info.Device = gpu_.device();
    info.QueueFamily = gpu_.queueFamily();
    info.Queue = gpu_.queue();
    info.DescriptorPool = imguiPool_;
    info.MinImageCount = 2;
    info.ImageCount = uint32_t(images_.size());
    info.MSAASamples = VK_SAMPLE_COUNT_1_BIT;
    info.CheckVkResultFn = checkImGuiVk;
    ImGui_ImplVulkan_Init(&info, renderPass_);
    imguiReady_ = true;
    gpu_.runOnce([](VkCommandBuffer cmd) { ImGui_ImplVulkan_CreateFontsTexture(cmd); });
    ImGui_ImplVulkan_DestroyFontUploadObjects();
}

bool StationWindow::shouldClose() const { return glfwWindowShouldClose(window_); }
void StationWindow::requestClose() { glfwSetWindowShouldClose(window_, GLFW_TRUE); }

std::string StationWindow::description() const {
    if (!isHdr10()) return describeChoice(choice_);
    return describeChoice(choice_) + (sentHdrMetadata_ ? "; ST 2086 metadata sent: P3-D65, 1000 / 0.0001 cd/m2"
                                                       : "; no ST 2086 metadata (the device lacks VK_EXT_hdr_metadata)");
}

void StationWindow::beginFrame(double waitSeconds, const ScriptedMouse* mouse) {
    if (waitSeconds > 0)
        glfwWaitEventsTimeout(waitSeconds);
    else
        glfwPollEvents();
    int w = 0, h = 0;
    glfwGetFramebufferSize(window_, &w, &h);
    if (w > 0 && h > 0 && (uint32_t(w) != extent_.width || uint32_t(h) != extent_.height)) {
        vkDeviceWaitIdle(gpu_.device());
        destroySwapchain();
        createSwapchain();
    }
    ImGui_ImplVulkan_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    if (mouse) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = ImVec2(mouse->x, mouse->y);
        for (int i = 0; i < 3; ++i) io.MouseDown[i] = mouse->down[i];
        io.MouseWheel = mouse->wheel;
    }
    ImGui::NewFrame();
}

void StationWindow::endFrame(const std::function<void(VkCommandBuffer)>& background, WindowPixels* capture) {
    ImGui::Render();
    if (isHdr10()) uiToGraphicsWhite(ImGui::GetDrawData());
    VkDevice d = gpu_.device();
    vkCheck(vkWaitForFences(d, 1, &fence_, VK_TRUE, UINT64_MAX), "waiting for the previous frame");
    uint32_t index = 0;
    VkResult r = vkAcquireNextImageKHR(d, swapchain_, UINT64_MAX, acquired_, VK_NULL_HANDLE, &index);
    if (r == VK_ERROR_OUT_OF_DATE_KHR) {
        vkDeviceWaitIdle(d);
        destroySwapchain();
        createSwapchain();
        return;  // this frame is dropped; the next one uses the new swapchain
    }
    if (r != VK_SUBOPTIMAL_KHR) vkCheck(r, "acquiring a swapchain image");
    vkCheck(vkResetFences(d, 1, &fence_), "resetting the frame fence");
    vkResetCommandBuffer(cmd_, 0);
    VkCommandBufferBeginInfo begin{VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO};
    begin.flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT;
    vkBeginCommandBuffer(cmd_, &begin);

    background(cmd_);
    VkMemoryBarrier written{VK_STRUCTURE_TYPE_MEMORY_BARRIER, nullptr, VK_ACCESS_SHADER_WRITE_BIT, VK_ACCESS_TRANSFER_READ_BIT};
    vkCmdPipelineBarrier(cmd_, VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT, VK_PIPELINE_STAGE_TRANSFER_BIT, 0, 1, &written, 0,
                         nullptr, 0, nullptr);
    VkImage image = images_[index];
    imageBarrier(cmd_, image, VK_IMAGE_LAYOUT_UNDEFINED, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, 0,
                 VK_ACCESS_TRANSFER_WRITE_BIT, VK_PIPELINE_STAGE_TRANSFER_BIT, VK_PIPELINE_STAGE_TRANSFER_BIT);
    VkBufferImageCopy copy{};
    copy.imageSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, 1};
    copy.imageExtent = {extent_.width, extent_.height, 1};
    vkCmdCopyBufferToImage(cmd_, background_.handle(), image, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, 1, &copy);
    imageBarrier(cmd_, image, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL,
                 VK_ACCESS_TRANSFER_WRITE_BIT, VK_ACCESS_COLOR_ATTACHMENT_READ_BIT | VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT,
                 VK_PIPELINE_STAGE_TRANSFER_BIT, VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT);

    VkRenderPassBeginInfo pass{VK_STRUCTURE_TYPE_RENDER_PASS_BEGIN_INFO};
    pass.renderPass = renderPass_;
    pass.framebuffer = framebuffers_[index];
    pass.renderArea.extent = extent_;
    vkCmdBeginRenderPass(cmd_, &pass, VK_SUBPASS_CONTENTS_INLINE);
    ImGui_ImplVulkan_RenderDrawData(ImGui::GetDrawData(), cmd_);
    vkCmdEndRenderPass(cmd_);

    if (capture) {
        imageBarrier(cmd_, image, VK_IMAGE_LAYOUT_PRESENT_SRC_KHR, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL,
                     VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT, VK_ACCESS_TRANSFER_READ_BIT,
                     VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT, VK_PIPELINE_STAGE_TRANSFER_BIT);
        vkCmdCopyImageToBuffer(cmd_, image, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, capture_.handle(), 1, &copy);
        imageBarrier(cmd_, image, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, VK_IMAGE_LAYOUT_PRESENT_SRC_KHR,
                     VK_ACCESS_TRANSFER_READ_BIT, 0, VK_PIPELINE_STAGE_TRANSFER_BIT, VK_PIPELINE_STAGE_BOTTOM_OF_PIPE_BIT);
        VkMemoryBarrier host{VK_STRUCTURE_TYPE_MEMORY_BARRIER, nullptr, VK_ACCESS_TRANSFER_WRITE_BIT, VK_ACCESS_HOST_READ_BIT};
        vkCmdPipelineBarrier(cmd_, VK_PIPELINE_STAGE_TRANSFER_BIT, VK_PIPELINE_STAGE_HOST_BIT, 0, 1, &host, 0, nullptr, 0,
                             nullptr);
    }
    vkCheck(vkEndCommandBuffer(cmd_), "recording the frame");

    const VkPipelineStageFlags waitStage = VK_PIPELINE_STAGE_TRANSFER_BIT;
    VkSubmitInfo submit{VK_STRUCTURE_TYPE_SUBMIT_INFO};
    submit.waitSemaphoreCount = 1;
    submit.pWaitSemaphores = &acquired_;
    submit.pWaitDstStageMask = &waitStage;
    submit.commandBufferCount = 1;
    submit.pCommandBuffers = &cmd_;
    submit.signalSemaphoreCount = 1;
    submit.pSignalSemaphores = &renderDone_[index];
    {
        std::lock_guard lock(gpu_.queueMutex());
        vkCheck(vkQueueSubmit(gpu_.queue(), 1, &submit, fence_), "submitting the frame");
        VkPresentInfoKHR present{VK_STRUCTURE_TYPE_PRESENT_INFO_KHR};
        present.waitSemaphoreCount = 1;
        present.pWaitSemaphores = &renderDone_[index];
        present.swapchainCount = 1;
        present.pSwapchains = &swapchain_;
        present.pImageIndices = &index;
        r = vkQueuePresentKHR(gpu_.queue(), &present);
    }
    // One frame in flight: what the frame computed (scopes, picked pixels) can be read right after.
    vkCheck(vkWaitForFences(d, 1, &fence_, VK_TRUE, UINT64_MAX), "waiting for the frame");
    if (r == VK_ERROR_OUT_OF_DATE_KHR || r == VK_SUBOPTIMAL_KHR) {
        vkDeviceWaitIdle(d);
        destroySwapchain();
        createSwapchain();
    } else {
        vkCheck(r, "presenting the frame");
    }
    if (capture) {
        capture_.invalidate();
        capture->width = int(extent_.width);
        capture->height = int(extent_.height);
        capture->rgba.resize(size_t(extent_.width) * extent_.height * 4);
        unpackToRgba8(static_cast<const uint32_t*>(capture_.mapped()), choice_.packing, capture->rgba);
    }
}

}  // namespace tinct
