// The window composite (shaders/viewer_composite.comp) run on its own: the viewer image packed for
// each swapchain format the station uses, and on an HDR10 window the station's own pixels (the
// background, the wipe line, the scope) mapped to PQ at graphics white while the viewer image
// passes unchanged. Expected words are computed here from the formats' bit layouts and closed forms.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>

#include "engine/gpu/ComputeKernel.h"
#include "engine/gpu/EmbeddedShaders.h"
#include "engine/gpu/GpuBuffer.h"
#include "tests/support/GpuFixture.h"
#include "tests/support/HdrOracle.h"

namespace tinct::test {
namespace {

// The shader's push constant block, member for member (std430: 4 bytes each, no padding).
struct Push {
    int32_t windowW, windowH, viewX, viewY, viewW, viewH, imageW, imageH;
    float originX, originY, scale, wipe;
    int32_t scopeX, scopeY, scopeW, scopeH, scopeImageW, scopeImageH;
    uint32_t packing, uiToPq;
    int32_t regionX, regionY;
};
static_assert(sizeof(Push) == 88);

// A window 8 x 2: x 0..3 the viewer showing a 4 x 2 image at 1:1, x 4..5 background, x 6..7 a
// scope of one pure-red pixel. With `wipe`, the wipe line at image x 2 turns window x 1 and 2 white.
constexpr int kW = 8, kH = 2;
const std::array<float, 3> kImage[8] = {{0.2f, 0.36f, 0.71f}, {0.91f, 0.05f, 0.33f}, {1.5f, -0.2f, 0.6f}, {0.0f, 1.0f, 0.8f},
                                        {0.11f, 0.2f, 0.31f}, {0.4f, 0.6f, 0.72f},  {0.75f, 0.85f, 0.95f}, {0.31f, 0.31f, 0.31f}};

std::vector<uint32_t> composite(uint32_t packing, bool uiToPq, bool wipe) {
    GpuContext& gpu = sharedGpu();
    std::vector<float> image;
    for (const auto& p : kImage) image.insert(image.end(), {p[0], p[1], p[2], 1.0f});
    const GpuBuffer graded = GpuBuffer::withData(gpu, image.data(), image.size() * 4);
    const uint32_t red = 0xff0000ffu;  // RGBA8, R in the low byte
    const GpuBuffer scope = GpuBuffer::withData(gpu, &red, 4);
    GpuBuffer window(gpu, kW * kH * 4, BufferUse::Device);
    GpuBuffer download(gpu, kW * kH * 4, BufferUse::Download);
    ComputeKernel kernel(gpu, shaders::spirv("viewer_composite"), std::vector<BindingKind>(4, BindingKind::StorageBuffer),
                         sizeof(Push), "viewer_composite");
    Push push{kW, kH, 0, 0, 4, 2, 4, 2, 0.0f, 0.0f, 1.0f, wipe ? 2.0f : 1e30f, 6, 0, 2, 2, 1, 1, packing, uiToPq ? 1u : 0u, 0, 0};
    const Binding bindings[4] = {{BindingKind::StorageBuffer, graded.handle()},
                                 {BindingKind::StorageBuffer, graded.handle()},
                                 {BindingKind::StorageBuffer, scope.handle()},
                                 {BindingKind::StorageBuffer, window.handle()}};
    gpu.runOnce([&](VkCommandBuffer cmd) {
        kernel.record(cmd, bindings, &push, 1, 1);
        VkMemoryBarrier written{VK_STRUCTURE_TYPE_MEMORY_BARRIER, nullptr, VK_ACCESS_SHADER_WRITE_BIT, VK_ACCESS_TRANSFER_READ_BIT};
        vkCmdPipelineBarrier(cmd, VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT, VK_PIPELINE_STAGE_TRANSFER_BIT, 0, 1, &written, 0,
                             nullptr, 0, nullptr);
        VkBufferCopy region{0, 0, kW * kH * 4};
        vkCmdCopyBuffer(cmd, window.handle(), download.handle(), 1, &region);
        VkMemoryBarrier host{VK_STRUCTURE_TYPE_MEMORY_BARRIER, nullptr, VK_ACCESS_TRANSFER_WRITE_BIT, VK_ACCESS_HOST_READ_BIT};
        vkCmdPipelineBarrier(cmd, VK_PIPELINE_STAGE_TRANSFER_BIT, VK_PIPELINE_STAGE_HOST_BIT, 0, 1, &host, 0, nullptr, 0,
                             nullptr);
    });
    download.invalidate();
    std::vector<uint32_t> words(kW * kH);
    std::memcpy(words.data(), download.mapped(), words.size() * 4);
    return words;
}

// Channel values of a word as R, G, B and the alpha bits, by the Vulkan format's bit layout.
struct Unpacked {
    std::array<uint32_t, 3> rgb;
    uint32_t alpha;
};
Unpacked unpack(uint32_t w, uint32_t packing) {
    switch (packing) {
        case 0: return {{w & 255u, (w >> 8) & 255u, (w >> 16) & 255u}, w >> 24};          // R8G8B8A8
        case 1: return {{(w >> 16) & 255u, (w >> 8) & 255u, w & 255u}, w >> 24};          // B8G8R8A8
        case 2: return {{w & 1023u, (w >> 10) & 1023u, (w >> 20) & 1023u}, w >> 30};     // A2B10G10R10
        default: return {{(w >> 20) & 1023u, (w >> 10) & 1023u, w & 1023u}, w >> 30};   // A2R10G10B10
    }
}

uint32_t quantised(double v, uint32_t max) { return uint32_t(std::lround(std::clamp(v, 0.0, 1.0) * max)); }

class ViewerCompositeTest : public GpuFixture {};

// Image values chosen off the rounding ties (none is k + 0.5 code values at 8 or 10 bits), so the
// viewer's codes must be exact: round(clamp(v) * (2^bits - 1)).
TEST_F(ViewerCompositeTest, CompositePacksTheViewerImageExactlyForEachSwapchainFormat) {
    for (uint32_t packing = 0; packing < 4; ++packing) {
        const uint32_t max = packing >= 2 ? 1023u : 255u;
        const auto words = composite(packing, false, false);
        for (int y = 0; y < kH; ++y)
            for (int x = 0; x < 4; ++x) {
                const auto got = unpack(words[size_t(y * kW + x)], packing);
                EXPECT_EQ(got.alpha, packing >= 2 ? 3u : 255u);
                for (int c = 0; c < 3; ++c)
                    EXPECT_EQ(got.rgb[size_t(c)], quantised(kImage[y * 4 + x][size_t(c)], max))
                        << "packing " << packing << " pixel " << x << "," << y << " channel " << c;
            }
        // SDR: the background's grey 0.08 and the red scope pixel as they are.
        EXPECT_EQ(unpack(words[4], packing).rgb, (std::array<uint32_t, 3>{quantised(0.08, max), quantised(0.08, max), quantised(0.08, max)}));
        EXPECT_EQ(unpack(words[6], packing).rgb, (std::array<uint32_t, 3>{max, 0, 0}));
    }
}

TEST_F(ViewerCompositeTest, OnAnHdr10WindowOnlyTheStationsOwnPixelsGoToGraphicsWhitePq) {
    for (uint32_t packing : {2u, 3u}) {
        const auto words = composite(packing, true, true);
        // The viewer image is untouched except under the wipe line (window x 1 and 2).
        for (int y = 0; y < kH; ++y)
            for (int x : {0, 3}) {
                const auto got = unpack(words[size_t(y * kW + x)], packing);
                for (int c = 0; c < 3; ++c)
                    EXPECT_EQ(got.rgb[size_t(c)], quantised(kImage[y * 4 + x][size_t(c)], 1023)) << "pixel " << x << "," << y;
            }
        // The station's pixels: the PQ codes of the oracle, within 1 of 1023 (the GPU's float pow
        // against double, and the oracle's 4-digit matrix).
        auto expectPq = [&](int x, std::array<double, 3> srgb, const char* what) {
            const auto got = unpack(words[size_t(x)], packing);
            const auto pq = uiColourAsPq(srgb);
            for (int c = 0; c < 3; ++c)
                EXPECT_NEAR(double(got.rgb[size_t(c)]), pq[size_t(c)] * 1023.0, 1.0) << what << " channel " << c;
        };
        expectPq(1, {1.0, 1.0, 1.0}, "wipe line");  // 594: 203 cd/m2
        expectPq(4, {0.08, 0.08, 0.08}, "background");
        expectPq(6, {1.0, 0.0, 0.0}, "scope");
    }
}

}  // namespace
}  // namespace tinct::test
