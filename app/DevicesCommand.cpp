// tinct devices: the Vulkan devices, which one Tinct uses and why.
#include <cstdio>
#include <cstdlib>
#include <iostream>

#include <nlohmann/json.hpp>

#include "app/Commands.h"
#include "engine/Error.h"
#include "engine/gpu/GpuContext.h"

namespace tinct {

namespace {

std::string apiVersion(uint32_t v) {
    return std::to_string(VK_API_VERSION_MAJOR(v)) + "." + std::to_string(VK_API_VERSION_MINOR(v)) + "." +
           std::to_string(VK_API_VERSION_PATCH(v));
}

void run(bool json) {
    const GpuOptions options = GpuOptions::fromEnvironment();
    const auto devices = GpuContext::listDevices(options);
    const DeviceChoice choice = chooseDevice(devices, options.deviceOverride);
    if (json) {
        nlohmann::json out = {{"chosen", choice.index}, {"reason", choice.reason}, {"devices", nlohmann::json::array()}};
        for (const auto& d : devices)
            out["devices"].push_back({{"index", d.index}, {"name", d.name}, {"kind", deviceKindName(d.kind)},
                                      {"driver", d.driver}, {"vulkan", apiVersion(d.apiVersion)},
                                      {"compute", d.hasComputeQueue}});
        std::cout << out.dump(2) << "\n";
        return;
    }
    for (const auto& d : devices)
        std::printf("%s %u: %s (%s, Vulkan %s, %s)\n", d.index == choice.index ? "*" : " ", d.index, d.name.c_str(),
                    deviceKindName(d.kind), apiVersion(d.apiVersion).c_str(), d.driver.c_str());
    std::printf("using device %u: %s\n", choice.index, choice.reason.c_str());
    std::printf("set TINCT_DEVICE=<index|cpu|part of a name> to choose another\n");
}

}  // namespace

void addDevicesCommand(CLI::App& app, CommandContext&) {
    auto json = std::make_shared<bool>(false);
    CLI::App* command = app.add_subcommand("devices", "List Vulkan devices and say which one Tinct uses");
    command->add_flag("--json", *json, "print JSON");
    command->callback([json] { run(*json); });
}

}  // namespace tinct
