// The device rule with made-up device lists, and the real device with validation on.
#include <gtest/gtest.h>

#include "engine/Error.h"
#include "engine/gpu/DeviceChoice.h"
#include "tests/support/GpuFixture.h"

using namespace tinct;

namespace {

std::vector<DeviceDescription> machine() {
    return {{0, "llvmpipe (LLVM 15.0.6, 256 bits)", DeviceKind::Cpu, "", 0, true},
            {1, "Intel(R) UHD Graphics 770", DeviceKind::Integrated, "", 0, true},
            {2, "NVIDIA RTX A6000", DeviceKind::Discrete, "", 0, true},
            {3, "Virtio GPU", DeviceKind::Virtual, "", 0, true}};
}

}  // namespace

TEST(DeviceChoice, PrefersDiscreteThenIntegratedThenVirtualThenCpu) {
    auto devices = machine();
    EXPECT_EQ(chooseDevice(devices, std::nullopt).index, 2u);
    devices.erase(devices.begin() + 2);
    EXPECT_EQ(chooseDevice(devices, std::nullopt).index, 1u);
    devices.erase(devices.begin() + 1);
    EXPECT_EQ(chooseDevice(devices, std::nullopt).index, 3u);
    devices.pop_back();
    const auto cpu = chooseDevice(devices, std::nullopt);
    EXPECT_EQ(cpu.index, 0u);
    EXPECT_NE(cpu.reason.find("CPU"), std::string::npos) << cpu.reason;
}

TEST(DeviceChoice, SkipsDevicesWithoutCompute) {
    auto devices = machine();
    devices[2].hasComputeQueue = false;
    EXPECT_EQ(chooseDevice(devices, std::nullopt).index, 1u);
}

TEST(DeviceChoice, OverrideByIndexNameOrCpu) {
    const auto devices = machine();
    EXPECT_EQ(chooseDevice(devices, std::string("3")).index, 3u);
    EXPECT_EQ(chooseDevice(devices, std::string("cpu")).index, 0u);
    EXPECT_EQ(chooseDevice(devices, std::string("intel")).index, 1u);  // case-insensitive substring
    EXPECT_EQ(chooseDevice(devices, std::string("A6000")).index, 2u);
    EXPECT_EQ(chooseDevice(devices, std::string("")).index, 2u);  // empty means no override
}

TEST(DeviceChoice, UnknownOverrideListsTheDevices) {
    try {
        chooseDevice(machine(), std::string("radeon"));
        FAIL() << "no error";
    } catch (const Error& e) {
        const std::string m = e.what();
        EXPECT_NE(m.find("TINCT_DEVICE=radeon"), std::string::npos) << m;
        EXPECT_NE(m.find("NVIDIA RTX A6000"), std::string::npos) << m;
    }
    EXPECT_THROW(chooseDevice(machine(), std::string("9")), Error);
}

TEST(DeviceChoice, NoDeviceAtAllSaysSoPlainly) {
    try {
        chooseDevice({}, std::nullopt);
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("no Vulkan device"), std::string::npos) << e.what();
    }
}

class RealDevice : public tinct::test::GpuFixture {};

TEST_F(RealDevice, OpensWithValidationAndReportsItsChoice) {
    EXPECT_FALSE(gpu().description().name.empty());
    EXPECT_FALSE(gpu().choiceReason().empty());
    EXPECT_NE(gpu().device(), VK_NULL_HANDLE);
}
