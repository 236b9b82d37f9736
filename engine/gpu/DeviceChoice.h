#pragma once
// Which Vulkan device Tinct runs on, and why. Kept apart from the Vulkan calls so the rule can be
// tested with made-up device lists.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tinct {

enum class DeviceKind { Discrete, Integrated, Virtual, Cpu, Other };

struct DeviceDescription {
    uint32_t index = 0;  // position in vkEnumeratePhysicalDevices
    std::string name;
    DeviceKind kind = DeviceKind::Other;
    std::string driver;  // driver name and version, for display
    uint32_t apiVersion = 0;
    bool hasComputeQueue = false;
};

struct DeviceChoice {
    uint32_t index = 0;
    std::string reason;  // one line a person can read: "discrete GPU preferred", "TINCT_DEVICE=cpu", ...
};

const char* deviceKindName(DeviceKind kind);

// Picks discrete, then integrated, then virtual, then CPU (lavapipe) devices that have a compute
// queue, lowest index first within a kind. `override` is TINCT_DEVICE: an index, "cpu", or a
// case-insensitive substring of the device name. Throws tinct::Error when there is no device or the
// override matches none, listing what exists.
DeviceChoice chooseDevice(const std::vector<DeviceDescription>& devices,
                          const std::optional<std::string>& override);

}  // namespace tinct
