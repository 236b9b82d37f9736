#pragma once
// The station's window: GLFW, a Vulkan surface and UNORM swapchain (no implicit sRGB encode: the
// viewer's pixels are display code values already; SDR, or HDR10 where asked for and offered), the
// render pass Dear ImGui draws in, and the frame loop around them. Each frame the caller records its own work (grading, the composite of
// viewer and scopes into a window-sized buffer) before the UI is drawn on top.
#include <vulkan/vulkan.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "app/gui/ScriptedMouse.h"
#include "app/gui/SurfaceFormatChoice.h"
#include "engine/gpu/GpuBuffer.h"

struct GLFWwindow;

namespace tinct {

class GpuContext;

struct WindowPixels {
    int width = 0, height = 0;
    std::vector<uint8_t> rgba;  // top row first
};

class StationWindow {
public:
    // Instance extensions GLFW needs for a surface; initialises GLFW. Throws tinct::Error when there
    // is no display or no Vulkan support for windows.
    static std::vector<std::string> requiredInstanceExtensions();
    // Extensions the window uses where offered: extended swapchain colour spaces (HDR10) on the
    // instance, ST 2086 mastering metadata on the device. Without them there is no HDR10 window.
    static std::vector<std::string> optionalInstanceExtensions();
    static std::vector<std::string> optionalDeviceExtensions();

    // Throws tinct::Error when the surface offers no format for `signal` (naming what it offers):
    // an HDR10 window asked for is never silently an SDR one.
    StationWindow(GpuContext& gpu, int width, int height, const std::string& title,
                  SwapchainSignal signal = SwapchainSignal::Sdr);
    ~StationWindow();
    StationWindow(const StationWindow&) = delete;
    StationWindow& operator=(const StationWindow&) = delete;

    bool shouldClose() const;
    void requestClose();
    // Polls input (or waits up to `waitSeconds` for some) and starts an ImGui frame. A scripted
    // mouse, where given, stands in for the real one this frame.
    void beginFrame(double waitSeconds, const ScriptedMouse* mouse = nullptr);
    // Records `background` (which must fill background() with window pixels packed as format()
    // says), copies it to the swapchain image, draws the UI over it and presents. With `capture`, the
    // presented pixels are read back into it as 8-bit RGBA (10-bit formats rounded to 8 bits; on an
    // HDR10 window these are PQ code values). Waits for the frame to finish, so results read back are ready.
    void endFrame(const std::function<void(VkCommandBuffer)>& background, WindowPixels* capture = nullptr);

    int width() const { return extent_.width; }
    int height() const { return extent_.height; }
    VkBuffer background() const { return background_.handle(); }
    const SurfaceFormatChoice& format() const { return choice_; }
    bool isHdr10() const { return choice_.signal == SwapchainSignal::Hdr10; }
    GLFWwindow* handle() const { return window_; }
    // What the window shows, for the Colour menu: signal, bit depth, Vulkan format, and on an HDR10
    // window whether mastering metadata went with it.
    std::string description() const;

private:
    void createSwapchain();
    void destroySwapchain();
    void initImGui();
    void sendHdrMetadata();

    GpuContext& gpu_;
    GLFWwindow* window_ = nullptr;
    VkSurfaceKHR surface_ = VK_NULL_HANDLE;
    SurfaceFormatChoice choice_;
    bool sentHdrMetadata_ = false;
    VkSwapchainKHR swapchain_ = VK_NULL_HANDLE;
    VkExtent2D extent_{};
    std::vector<VkImage> images_;
    std::vector<VkImageView> views_;
    std::vector<VkFramebuffer> framebuffers_;
    std::vector<VkSemaphore> renderDone_;  // one per swapchain image: presentation may still hold one
    VkSemaphore acquired_ = VK_NULL_HANDLE;
    VkRenderPass renderPass_ = VK_NULL_HANDLE;
    VkCommandPool pool_ = VK_NULL_HANDLE;
    VkCommandBuffer cmd_ = VK_NULL_HANDLE;
    VkFence fence_ = VK_NULL_HANDLE;
    VkDescriptorPool imguiPool_ = VK_NULL_HANDLE;
    GpuBuffer background_;
    GpuBuffer capture_;
    bool imguiReady_ = false;
};

}  // namespace tinct
