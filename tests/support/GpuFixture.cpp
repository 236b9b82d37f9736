#include "tests/support/GpuFixture.h"

#include <cstring>

#include "engine/gpu/FrameSlots.h"
#include "engine/graph/Evaluator.h"
#include "engine/graph/FrameRunner.h"
#include "engine/kernel/FusedKernel.h"
#include "tests/support/MemorySource.h"

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
    const auto* out = static_cast<const float*>(slots.run(rgba.data(), bytes, bytes));
    return std::vector<float>(out, out + rgba.size());
}

std::vector<float> runFrameOnGpu(const PointSteps& steps, const std::vector<float>& rgba, uint32_t w, uint32_t h) {
    // As a render makes it: a source of one frame, the Evaluator, one frame run.
    GpuContext& gpu = sharedGpu();
    Frame frame = makeFrame(int(w), int(h));
    frame.rgba = rgba;
    MemorySource source({{0, std::move(frame)}});
    Evaluator evaluator(gpu, steps, source);
    FrameRunner runner(gpu, evaluator, source);
    return runner.run(0).rgba;
}

std::vector<float> runNodeByNode(const PointSteps& steps, const std::vector<float>& rgba, uint32_t w, uint32_t h) {
    GpuContext& gpu = sharedGpu();
    const PixelProgram all = PixelProgram::serial(steps);
    std::vector<std::vector<float>> values(all.instrs.size());
    values[0] = rgba;
    const size_t bytes = rgba.size() * sizeof(float);
    for (size_t i = 1; i < all.instrs.size(); ++i) {
        const PixelInstr& in = all.instrs[i];
        if (in.step->frameStep()) {
            values[i] = runFrameOnGpu({in.step}, values[in.args.front()], w, h);
            continue;
        }
        // The step alone, its first argument as the kernel's source and the rest as extra frames.
        PixelProgram one;
        std::vector<GpuBuffer> frames;
        std::vector<VkBuffer> handles;
        std::vector<uint32_t> args;
        for (size_t a = 0; a < in.args.size(); ++a) {
            if (a == 0) {
                args.push_back(0);
                continue;
            }
            frames.push_back(GpuBuffer::withData(gpu, values[in.args[a]].data(), bytes));
            handles.push_back(frames.back().handle());
            one.instrs.push_back({nullptr, {}, uint32_t(a)});
            args.push_back(uint32_t(one.instrs.size() - 1));
        }
        one.append(in.step, args);
        FusedKernel kernel(gpu, one);
        FrameSlots slots(gpu, 1, [&](VkCommandBuffer cmd, VkBuffer src, VkBuffer dst) {
            kernel.record(cmd, src, dst, w, h, {}, handles);
        });
        // A step with no arguments (a window) still gets a source; it ignores it.
        const std::vector<float>& source = in.args.empty() ? rgba : values[in.args.front()];
        const auto* out = static_cast<const float*>(slots.run(source.data(), bytes, bytes));
        values[i].assign(out, out + rgba.size());
    }
    return values[all.output];
}

}  // namespace tinct::test
