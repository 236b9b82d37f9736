#include "engine/gpu/DeviceChoice.h"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "engine/Error.h"

namespace tinct {

const char* deviceKindName(DeviceKind kind) {
    switch (kind) {
        case DeviceKind::Discrete: return "discrete GPU";
        case DeviceKind::Integrated: return "integrated GPU";
        case DeviceKind::Virtual: return "virtual GPU";
        case DeviceKind::Cpu: return "CPU";
        default: return "other";
    }
}

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

std::string listing(const std::vector<DeviceDescription>& devices) {
    std::string out;
    for (const auto& d : devices)
        out += "\n  " + std::to_string(d.index) + ": " + d.name + " (" + deviceKindName(d.kind) +
               (d.hasComputeQueue ? "" : ", no compute queue") + ")";
    return out;
}

bool allDigits(const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

}  // namespace

DeviceChoice chooseDevice(const std::vector<DeviceDescription>& devices,
                          const std::optional<std::string>& override) {
    if (devices.empty())
        throw Error("no Vulkan device found: install a GPU driver, or Mesa's lavapipe "
                    "(Debian package mesa-vulkan-drivers) to run on the CPU");

    auto usable = [&](const DeviceDescription& d, const std::string& why) {
        if (!d.hasComputeQueue)
            throw Error("TINCT_DEVICE=" + *override + " selects " + d.name + ", which has no compute queue");
        return DeviceChoice{d.index, why};
    };

    if (override && !override->empty()) {
        const std::string want = lower(*override);
        if (allDigits(want)) {
            unsigned long long index = ~0ull;  // an index too large to parse matches no device
            std::from_chars(want.data(), want.data() + want.size(), index);
            for (const auto& d : devices)
                if (d.index == index) return usable(d, "TINCT_DEVICE=" + *override + " (index)");
        } else if (want == "cpu") {
            for (const auto& d : devices)
                if (d.kind == DeviceKind::Cpu) return usable(d, "TINCT_DEVICE=cpu");
        } else {
            for (const auto& d : devices)
                if (lower(d.name).find(want) != std::string::npos)
                    return usable(d, "TINCT_DEVICE=" + *override + " matches the name");
        }
        throw Error("TINCT_DEVICE=" + *override + " matches none of the Vulkan devices:" + listing(devices) +
                    "\nuse an index, 'cpu', or part of a device name");
    }

    std::string passedOver;  // the better kinds that were looked for and not found
    for (DeviceKind kind : {DeviceKind::Discrete, DeviceKind::Integrated, DeviceKind::Virtual, DeviceKind::Cpu,
                            DeviceKind::Other}) {
        for (const auto& d : devices)
            if (d.kind == kind && d.hasComputeQueue)
                return {d.index, passedOver.empty() ? std::string(deviceKindName(kind)) + " preferred"
                                                    : "no " + passedOver + " found, so the " + deviceKindName(kind)};
        passedOver += std::string(passedOver.empty() ? "" : " or ") + deviceKindName(kind);
    }
    throw Error("no Vulkan device has a compute queue:" + listing(devices));
}

}  // namespace tinct
