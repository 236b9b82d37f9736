#include "tests/support/GpuFixture.h"

#include <cstring>

#include "engine/gpu/FrameSlots.h"
#include "engine/graph/FusedKernel.h"

namespace tinct::test {

GpuContext& sharedGpu() {
    static GpuContext context([] {
        GpuOptions options = GpuOptions::fromEnvironment();
        options.validation = true;
        return options;
    }());
    return context;
}

void GpuFixture::SetUp() { messagesBefore_ = sharedGpu().validationMessageCount(); }

void GpuFixture::TearDown() {
    EXPECT_EQ(sharedGpu().validationMessageCount(), messagesBefore_)
        << "Vulkan validation reported: " << sharedGpu().lastValidationMessage();
}

std::vector<float> runOnGpu(const PointSteps& steps, const std::vector<float>& rgba) {
    GpuContext& gpu = sharedGpu();
    FusedKernel kernel(gpu, steps);
    const uint32_t pixels = uint32_t(rgba.size() / 4);
    FrameSlots slots(gpu, 1, [&](VkCommandBuffer cmd, VkBuffer src, VkBuffer dst) {
        kernel.record(cmd, src, dst, pixels, {});
    });
    const size_t bytes = rgba.size() * sizeof(float);
    std::memcpy(slots.input(0, bytes), rgba.data(), bytes);
    slots.submit(0, bytes);
    const auto* out = static_cast<const float*>(slots.wait(0));
    return std::vector<float>(out, out + rgba.size());
}

}  // namespace tinct::test
