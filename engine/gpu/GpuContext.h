#pragma once
// The Vulkan instance and the one compute device Tinct runs on. Headless: no surface, no window.
#include <vulkan/vulkan.h>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "engine/gpu/DeviceChoice.h"

namespace tinct {

struct GpuOptions {
    bool validation = false;                    // Khronos validation layer, messages counted
    std::optional<std::string> deviceOverride;  // TINCT_DEVICE
    // Use staging buffers even where GPU memory is host-visible, as on a discrete GPU: lets a
    // machine without one (lavapipe) exercise the discrete path. TINCT_FORCE_STAGING=1.
    bool forceStaging = false;
    // For a window (the station): instance extensions the window system needs (GLFW's list), and a
    // queue family that does graphics and compute, with VK_KHR_swapchain on the device.
    std::vector<std::string> instanceExtensions;
    bool presentation = false;
    // Enabled only where the loader / the device offers them (the station's HDR output): their
    // absence is no failure; instanceExtensionEnabled / deviceExtensionEnabled say what was.
    std::vector<std::string> optionalInstanceExtensions;
    std::vector<std::string> optionalDeviceExtensions;

    // TINCT_VALIDATION=1 turns validation on; TINCT_DEVICE picks the device.
    static GpuOptions fromEnvironment();
};

class GpuContext {
public:
    explicit GpuContext(const GpuOptions& options = GpuOptions::fromEnvironment());
    ~GpuContext();
    GpuContext(const GpuContext&) = delete;
    GpuContext& operator=(const GpuContext&) = delete;

    // Every Vulkan device the loader reports, for `tinct devices`; needs no logical device.
    static std::vector<DeviceDescription> listDevices(const GpuOptions& options = GpuOptions::fromEnvironment());

    VkInstance instance() const { return instance_; }
    VkPhysicalDevice physicalDevice() const { return physical_; }
    VkDevice device() const { return device_; }
    VkQueue queue() const { return queue_; }
    uint32_t queueFamily() const { return queueFamily_; }
    const DeviceDescription& description() const { return description_; }
    const std::string& choiceReason() const { return choiceReason_; }
    // Whether an extension asked for as optional (or required) was enabled.
    bool instanceExtensionEnabled(const std::string& name) const;
    bool deviceExtensionEnabled(const std::string& name) const;
    const VkPhysicalDeviceLimits& limits() const { return limits_; }
    // The size of the largest device-local memory heap: what frames kept on the GPU share.
    VkDeviceSize deviceMemory() const;
    // The largest buffer Tinct can allocate in one piece (maxMemoryAllocationSize).
    VkDeviceSize largestBuffer() const { return largestBuffer_; }

    // Nanoseconds per timestamp tick; nullopt where the compute queue has no timestamps.
    std::optional<double> timestampPeriodNs() const { return timestampPeriodNs_; }
    uint32_t timestampBits() const { return timestampBits_; }  // valid bits of the queue's timestamps

    // True when device-local memory is also host-visible (lavapipe, integrated GPUs): frames can then
    // be read and written in place, and staging copies are skipped.
    bool unifiedMemory() const { return unifiedMemory_; }

    // A memory type with all of `required` (and `preferred` where one has it); throws if none.
    uint32_t memoryType(uint32_t typeBits, VkMemoryPropertyFlags required, VkMemoryPropertyFlags preferred = 0) const;
    VkMemoryPropertyFlags memoryFlags(uint32_t type) const;

    // Records commands into a one-off command buffer, submits it and waits (uploads of LUTs and the
    // like; per-frame work uses its own command buffers).
    void runOnce(const std::function<void(VkCommandBuffer)>& record);

    // Validation messages seen so far (only when validation is on).
    size_t validationMessageCount() const { return validationMessages_.load(); }
    std::string lastValidationMessage() const;

    // The queue is shared by threads that submit; hold this while calling vkQueueSubmit.
    std::mutex& queueMutex() { return queueMutex_; }

private:
    void release();
    static VKAPI_ATTR VkBool32 VKAPI_CALL onDebugMessage(VkDebugUtilsMessageSeverityFlagBitsEXT,
                                                         VkDebugUtilsMessageTypeFlagsEXT,
                                                         const VkDebugUtilsMessengerCallbackDataEXT*, void*);

    VkInstance instance_ = VK_NULL_HANDLE;
    VkDebugUtilsMessengerEXT messenger_ = VK_NULL_HANDLE;
    VkPhysicalDevice physical_ = VK_NULL_HANDLE;
    VkDevice device_ = VK_NULL_HANDLE;
    VkQueue queue_ = VK_NULL_HANDLE;
    uint32_t queueFamily_ = 0;
    VkCommandPool oneShotPool_ = VK_NULL_HANDLE;
    DeviceDescription description_;
    std::string choiceReason_;
    std::vector<std::string> instanceExtensions_, deviceExtensions_;
    VkPhysicalDeviceLimits limits_{};
    VkDeviceSize largestBuffer_ = 0;
    VkPhysicalDeviceMemoryProperties memory_{};
    std::optional<double> timestampPeriodNs_;
    uint32_t timestampBits_ = 0;
    bool unifiedMemory_ = false;
    std::atomic<size_t> validationMessages_{0};
    mutable std::mutex messageMutex_;
    std::string lastMessage_;
    std::mutex queueMutex_;
};

}  // namespace tinct
