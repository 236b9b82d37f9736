#include "engine/gpu/GpuContext.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "engine/Error.h"
#include "engine/gpu/VulkanCheck.h"

namespace tinct {

namespace {

constexpr const char* kValidationLayer = "VK_LAYER_KHRONOS_validation";

bool layerAvailable(const char* name) {
    uint32_t count = 0;
    vkEnumerateInstanceLayerProperties(&count, nullptr);
    std::vector<VkLayerProperties> layers(count);
    vkEnumerateInstanceLayerProperties(&count, layers.data());
    for (const auto& l : layers)
        if (std::strcmp(l.layerName, name) == 0) return true;
    return false;
}

bool instanceExtensionOffered(const std::string& name) {
    uint32_t count = 0;
    vkEnumerateInstanceExtensionProperties(nullptr, &count, nullptr);
    std::vector<VkExtensionProperties> offered(count);
    vkEnumerateInstanceExtensionProperties(nullptr, &count, offered.data());
    for (const auto& e : offered)
        if (name == e.extensionName) return true;
    return false;
}

bool deviceExtensionOffered(VkPhysicalDevice device, const std::string& name) {
    uint32_t count = 0;
    vkEnumerateDeviceExtensionProperties(device, nullptr, &count, nullptr);
    std::vector<VkExtensionProperties> offered(count);
    vkEnumerateDeviceExtensionProperties(device, nullptr, &count, offered.data());
    for (const auto& e : offered)
        if (name == e.extensionName) return true;
    return false;
}

// `extra` names the extensions to enable, checked by the caller (required ones fail at creation).
VkInstance createInstance(bool validation, const std::vector<std::string>& extra = {}) {
    VkApplicationInfo app{VK_STRUCTURE_TYPE_APPLICATION_INFO};
    app.pApplicationName = "tinct";
    app.pEngineName = "tinct";
    app.apiVersion = VK_API_VERSION_1_1;

    std::vector<const char*> layers, extensions;
    if (validation) {
        if (!layerAvailable(kValidationLayer))
            throw Error("validation was asked for (TINCT_VALIDATION=1) but the Khronos validation layer is not "
                        "installed (Debian package vulkan-validationlayers)");
        layers.push_back(kValidationLayer);
        extensions.push_back(VK_EXT_DEBUG_UTILS_EXTENSION_NAME);
    }
    for (const auto& e : extra) extensions.push_back(e.c_str());
    VkInstanceCreateInfo info{VK_STRUCTURE_TYPE_INSTANCE_CREATE_INFO};
    info.pApplicationInfo = &app;
    info.enabledLayerCount = uint32_t(layers.size());
    info.ppEnabledLayerNames = layers.data();
    info.enabledExtensionCount = uint32_t(extensions.size());
    info.ppEnabledExtensionNames = extensions.data();
    VkInstance instance = VK_NULL_HANDLE;
    VkResult r = vkCreateInstance(&info, nullptr, &instance);
    if (r == VK_ERROR_INCOMPATIBLE_DRIVER)
        throw Error("no Vulkan device found: no Vulkan driver is installed (for the CPU, install Mesa's lavapipe, "
                    "Debian package mesa-vulkan-drivers)");
    vkCheck(r, "creating the Vulkan instance");
    return instance;
}

DeviceKind kindOf(VkPhysicalDeviceType type) {
    switch (type) {
        case VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU: return DeviceKind::Discrete;
        case VK_PHYSICAL_DEVICE_TYPE_INTEGRATED_GPU: return DeviceKind::Integrated;
        case VK_PHYSICAL_DEVICE_TYPE_VIRTUAL_GPU: return DeviceKind::Virtual;
        case VK_PHYSICAL_DEVICE_TYPE_CPU: return DeviceKind::Cpu;
        default: return DeviceKind::Other;
    }
}

std::optional<uint32_t> computeFamily(VkPhysicalDevice device, bool graphics = false) {
    uint32_t count = 0;
    vkGetPhysicalDeviceQueueFamilyProperties(device, &count, nullptr);
    std::vector<VkQueueFamilyProperties> families(count);
    vkGetPhysicalDeviceQueueFamilyProperties(device, &count, families.data());
    // A compute-only family is often an async queue that runs beside graphics work; prefer it.
    std::optional<uint32_t> any;
    for (uint32_t i = 0; i < count; ++i) {
        if (!(families[i].queueFlags & VK_QUEUE_COMPUTE_BIT)) continue;
        // A window draws and grades on one queue, so its frames need no cross-queue hand-over.
        if (graphics) {
            if (families[i].queueFlags & VK_QUEUE_GRAPHICS_BIT) return i;
            continue;
        }
        if (!(families[i].queueFlags & VK_QUEUE_GRAPHICS_BIT) && families[i].timestampValidBits > 0) return i;
        if (!any) any = i;
    }
    return any;
}

std::vector<VkPhysicalDevice> physicalDevices(VkInstance instance) {
    uint32_t count = 0;
    vkEnumeratePhysicalDevices(instance, &count, nullptr);
    std::vector<VkPhysicalDevice> devices(count);
    vkEnumeratePhysicalDevices(instance, &count, devices.data());
    return devices;
}

std::vector<DeviceDescription> describe(const std::vector<VkPhysicalDevice>& devices) {
    std::vector<DeviceDescription> out;
    for (uint32_t i = 0; i < devices.size(); ++i) {
        VkPhysicalDeviceDriverProperties driver{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_DRIVER_PROPERTIES};
        VkPhysicalDeviceProperties2 props{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_PROPERTIES_2};
        props.pNext = &driver;
        vkGetPhysicalDeviceProperties2(devices[i], &props);
        DeviceDescription d;
        d.index = i;
        d.name = props.properties.deviceName;
        d.kind = kindOf(props.properties.deviceType);
        d.driver = std::string(driver.driverName) + " " + driver.driverInfo;
        d.apiVersion = props.properties.apiVersion;
        d.hasComputeQueue = computeFamily(devices[i]).has_value();
        out.push_back(d);
    }
    return out;
}

}  // namespace

GpuOptions GpuOptions::fromEnvironment() {
    GpuOptions o;
    if (const char* v = std::getenv("TINCT_VALIDATION")) o.validation = std::strcmp(v, "1") == 0;
    if (const char* d = std::getenv("TINCT_DEVICE")) o.deviceOverride = std::string(d);
    if (const char* s = std::getenv("TINCT_FORCE_STAGING")) o.forceStaging = std::strcmp(s, "1") == 0;
    return o;
}

std::vector<DeviceDescription> GpuContext::listDevices(const GpuOptions& options) {
    VkInstance instance = createInstance(false);
    auto out = describe(physicalDevices(instance));
    vkDestroyInstance(instance, nullptr);
    return out;
}

GpuContext::GpuContext(const GpuOptions& options) {
    instanceExtensions_ = options.instanceExtensions;
    for (const auto& e : options.optionalInstanceExtensions)
        if (instanceExtensionOffered(e)) instanceExtensions_.push_back(e);
    instance_ = createInstance(options.validation, instanceExtensions_);
    try {
        if (options.validation) {
            auto create = reinterpret_cast<PFN_vkCreateDebugUtilsMessengerEXT>(
                vkGetInstanceProcAddr(instance_, "vkCreateDebugUtilsMessengerEXT"));
            VkDebugUtilsMessengerCreateInfoEXT info{VK_STRUCTURE_TYPE_DEBUG_UTILS_MESSENGER_CREATE_INFO_EXT};
            info.messageSeverity =
                VK_DEBUG_UTILS_MESSAGE_SEVERITY_WARNING_BIT_EXT | VK_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT;
            info.messageType = VK_DEBUG_UTILS_MESSAGE_TYPE_VALIDATION_BIT_EXT |
                               VK_DEBUG_UTILS_MESSAGE_TYPE_PERFORMANCE_BIT_EXT;
            info.pfnUserCallback = &GpuContext::onDebugMessage;
            info.pUserData = this;
            vkCheck(create(instance_, &info, nullptr, &messenger_), "creating the validation messenger");
        }

        const auto devices = physicalDevices(instance_);
        const auto descriptions = describe(devices);
        const DeviceChoice choice = chooseDevice(descriptions, options.deviceOverride);
        physical_ = devices[choice.index];
        description_ = descriptions[choice.index];
        choiceReason_ = choice.reason;
        const auto family = computeFamily(physical_, options.presentation);
        if (!family)
            throw Error("the Vulkan device " + description_.name + " has no queue that does both graphics and compute, "
                        "which the station's window needs");
        queueFamily_ = *family;

        VkPhysicalDeviceMaintenance3Properties maintenance3{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_MAINTENANCE_3_PROPERTIES};
        VkPhysicalDeviceProperties2 props{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_PROPERTIES_2};
        props.pNext = &maintenance3;
        vkGetPhysicalDeviceProperties2(physical_, &props);
        limits_ = props.properties.limits;
        largestBuffer_ = maintenance3.maxMemoryAllocationSize;
        vkGetPhysicalDeviceMemoryProperties(physical_, &memory_);

        uint32_t familyCount = 0;
        vkGetPhysicalDeviceQueueFamilyProperties(physical_, &familyCount, nullptr);
        std::vector<VkQueueFamilyProperties> families(familyCount);
        vkGetPhysicalDeviceQueueFamilyProperties(physical_, &familyCount, families.data());
        timestampBits_ = families[queueFamily_].timestampValidBits;
        if (timestampBits_ > 0 && limits_.timestampPeriod > 0) timestampPeriodNs_ = limits_.timestampPeriod;

        // Unified when every device-local type is also host-visible and coherent.
        unifiedMemory_ = true;
        bool anyDeviceLocal = false;
        for (uint32_t i = 0; i < memory_.memoryTypeCount; ++i) {
            auto f = memory_.memoryTypes[i].propertyFlags;
            if (!(f & VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT)) continue;
            anyDeviceLocal = true;
            if (!(f & VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT) || !(f & VK_MEMORY_PROPERTY_HOST_COHERENT_BIT))
                unifiedMemory_ = false;
        }
        unifiedMemory_ = unifiedMemory_ && anyDeviceLocal && !options.forceStaging;

        const float priority = 1.0f;
        VkDeviceQueueCreateInfo queueInfo{VK_STRUCTURE_TYPE_DEVICE_QUEUE_CREATE_INFO};
        queueInfo.queueFamilyIndex = queueFamily_;
        queueInfo.queueCount = 1;
        queueInfo.pQueuePriorities = &priority;
        // Push descriptors let each dispatch bind its buffers without descriptor pools per frame.
        std::vector<const char*> extensions = {VK_KHR_PUSH_DESCRIPTOR_EXTENSION_NAME};
        if (options.presentation) extensions.push_back(VK_KHR_SWAPCHAIN_EXTENSION_NAME);
        for (const char* e : extensions) deviceExtensions_.push_back(e);
        for (const auto& e : options.optionalDeviceExtensions)
            if (deviceExtensionOffered(physical_, e)) deviceExtensions_.push_back(e);
        for (size_t i = extensions.size(); i < deviceExtensions_.size(); ++i) extensions.push_back(deviceExtensions_[i].c_str());
        VkDeviceCreateInfo deviceInfo{VK_STRUCTURE_TYPE_DEVICE_CREATE_INFO};
        deviceInfo.queueCreateInfoCount = 1;
        deviceInfo.pQueueCreateInfos = &queueInfo;
        deviceInfo.enabledExtensionCount = uint32_t(extensions.size());
        deviceInfo.ppEnabledExtensionNames = extensions.data();
        VkResult r = vkCreateDevice(physical_, &deviceInfo, nullptr, &device_);
        if (r == VK_ERROR_EXTENSION_NOT_PRESENT)
            throw Error("the Vulkan device " + description_.name + " lacks VK_KHR_push_descriptor" +
                        std::string(options.presentation ? " or VK_KHR_swapchain" : "") + ", which Tinct needs");
        vkCheck(r, "creating the Vulkan device on " + description_.name);
        vkGetDeviceQueue(device_, queueFamily_, 0, &queue_);

        VkCommandPoolCreateInfo poolInfo{VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO};
        poolInfo.flags = VK_COMMAND_POOL_CREATE_TRANSIENT_BIT;
        poolInfo.queueFamilyIndex = queueFamily_;
        vkCheck(vkCreateCommandPool(device_, &poolInfo, nullptr, &oneShotPool_), "creating a command pool");
    } catch (...) {
        release();
        throw;
    }
}

GpuContext::~GpuContext() { release(); }

bool GpuContext::instanceExtensionEnabled(const std::string& name) const {
    return std::find(instanceExtensions_.begin(), instanceExtensions_.end(), name) != instanceExtensions_.end();
}

bool GpuContext::deviceExtensionEnabled(const std::string& name) const {
    return std::find(deviceExtensions_.begin(), deviceExtensions_.end(), name) != deviceExtensions_.end();
}

void GpuContext::release() {
    if (device_) {
        vkDeviceWaitIdle(device_);
        if (oneShotPool_) vkDestroyCommandPool(device_, oneShotPool_, nullptr);
        vkDestroyDevice(device_, nullptr);
        device_ = VK_NULL_HANDLE;
    }
    if (messenger_) {
        auto destroy = reinterpret_cast<PFN_vkDestroyDebugUtilsMessengerEXT>(
            vkGetInstanceProcAddr(instance_, "vkDestroyDebugUtilsMessengerEXT"));
        destroy(instance_, messenger_, nullptr);
        messenger_ = VK_NULL_HANDLE;
    }
    if (instance_) {
        vkDestroyInstance(instance_, nullptr);
        instance_ = VK_NULL_HANDLE;
    }
}

uint32_t GpuContext::memoryType(uint32_t typeBits, VkMemoryPropertyFlags required,
                                VkMemoryPropertyFlags preferred) const {
    for (VkMemoryPropertyFlags want : {required | preferred, required})
        for (uint32_t i = 0; i < memory_.memoryTypeCount; ++i)
            if ((typeBits & (1u << i)) && (memory_.memoryTypes[i].propertyFlags & want) == want) return i;
    throw Error("the Vulkan device " + description_.name + " has no memory type with the properties needed");
}

VkMemoryPropertyFlags GpuContext::memoryFlags(uint32_t type) const { return memory_.memoryTypes[type].propertyFlags; }

VkDeviceSize GpuContext::deviceMemory() const {
    VkDeviceSize largest = 0;
    for (uint32_t h = 0; h < memory_.memoryHeapCount; ++h)
        if (memory_.memoryHeaps[h].flags & VK_MEMORY_HEAP_DEVICE_LOCAL_BIT) largest = std::max(largest, memory_.memoryHeaps[h].size);
    return largest;
}

void GpuContext::runOnce(const std::function<void(VkCommandBuffer)>& record) {
    VkCommandBufferAllocateInfo alloc{VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO};
    alloc.commandPool = oneShotPool_;
    alloc.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY;
    alloc.commandBufferCount = 1;
    VkCommandBuffer cmd;
    std::lock_guard lock(queueMutex_);  // the pool is not thread-safe either
    vkCheck(vkAllocateCommandBuffers(device_, &alloc, &cmd), "allocating a command buffer");
    VkCommandBufferBeginInfo begin{VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO};
    begin.flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT;
    vkBeginCommandBuffer(cmd, &begin);
    record(cmd);
    vkEndCommandBuffer(cmd);
    VkSubmitInfo submit{VK_STRUCTURE_TYPE_SUBMIT_INFO};
    submit.commandBufferCount = 1;
    submit.pCommandBuffers = &cmd;
    VkFenceCreateInfo fenceInfo{VK_STRUCTURE_TYPE_FENCE_CREATE_INFO};
    VkFence fence;
    vkCheck(vkCreateFence(device_, &fenceInfo, nullptr, &fence), "creating a fence");
    VkResult r = vkQueueSubmit(queue_, 1, &submit, fence);
    if (r == VK_SUCCESS) r = vkWaitForFences(device_, 1, &fence, VK_TRUE, UINT64_MAX);
    vkDestroyFence(device_, fence, nullptr);
    vkFreeCommandBuffers(device_, oneShotPool_, 1, &cmd);
    vkCheck(r, "running a one-off GPU command");
}

std::string GpuContext::lastValidationMessage() const {
    std::lock_guard lock(messageMutex_);
    return lastMessage_;
}

VkBool32 GpuContext::onDebugMessage(VkDebugUtilsMessageSeverityFlagBitsEXT severity,
                                    VkDebugUtilsMessageTypeFlagsEXT, const VkDebugUtilsMessengerCallbackDataEXT* data,
                                    void* user) {
    auto* self = static_cast<GpuContext*>(user);
    self->validationMessages_++;
    {
        std::lock_guard lock(self->messageMutex_);
        self->lastMessage_ = data->pMessage ? data->pMessage : "";
    }
    std::fprintf(stderr, "tinct: vulkan validation %s: %s\n",
                 severity >= VK_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT ? "error" : "warning",
                 data->pMessage ? data->pMessage : "");
    return VK_FALSE;
}

}  // namespace tinct
