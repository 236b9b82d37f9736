// The fused point kernel: one dispatch for a whole run of steps, a parameter change reuses the
// compiled kernel, and the NaN/Inf policy holds with no steps at all (the build-time kernel).
#include <gtest/gtest.h>

#include <Imath/half.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <unistd.h>
#include <limits>

#include "engine/gpu/FrameSlots.h"
#include "engine/gpu/ShaderCompiler.h"
#include "engine/kernel/FusedKernel.h"
#include "engine/nodes/CdlNode.h"
#include "tests/support/GpuFixture.h"
#include "tests/support/TempDir.h"
#include "tests/support/TestPixels.h"

using namespace tinct;
using namespace tinct::test;

class FusedKernelTest : public GpuFixture {};

TEST_F(FusedKernelTest, NoStepsPassesPixelsThroughAndSanitisesNonFinite) {
    const auto pixels = colourProbePixels();
    const auto out = runOnGpu({}, pixels);
    ASSERT_EQ(out.size(), pixels.size());
    for (size_t i = 0; i < pixels.size(); ++i) ASSERT_EQ(out[i], sanitized(pixels[i])) << "index " << i;
}

TEST_F(FusedKernelTest, FiniteValuesBeyondTheHalfRangeAreKept) {
    // Only NaN and Inf are replaced; large finite values are the writer's business (a half file
    // clamps them, a float file keeps them).
    const std::vector<float> pixels = {1e6f, -1e6f, 65504.0f, 1.0f, std::numeric_limits<float>::infinity(), 0, 0, 1};
    const auto out = runOnGpu({}, pixels);
    EXPECT_EQ(out[0], 1e6f);
    EXPECT_EQ(out[1], -1e6f);
    EXPECT_EQ(out[4], 65504.0f);
}

TEST_F(FusedKernelTest, ParameterChangesReuseTheCompiledKernel) {
    CdlValues a, b;
    a.slope = {1.5, 1.5, 1.5};
    b.slope = {0.5, 0.5, 0.5};
    const std::vector<float> grey = {0.4f, 0.4f, 0.4f, 1.0f};
    const auto first = runOnGpu({std::make_shared<CdlNode>(a, CdlStyle::NoClamp)}, grey);
    const uint64_t compiled = shaderCompilationCount();
    const auto second = runOnGpu({std::make_shared<CdlNode>(b, CdlStyle::NoClamp)}, grey);
    EXPECT_EQ(shaderCompilationCount(), compiled) << "a new parameter value recompiled the kernel";
    EXPECT_NEAR(first[0], 0.6f, 1e-6);
    EXPECT_NEAR(second[0], 0.2f, 1e-6);
    // A change of structure (two steps instead of one) does compile.
    runOnGpu({std::make_shared<CdlNode>(a, CdlStyle::NoClamp), std::make_shared<CdlNode>(b, CdlStyle::NoClamp)}, grey);
    EXPECT_EQ(shaderCompilationCount(), compiled + 1);
}

TEST_F(FusedKernelTest, LargeFramesSpanSeveralRowsOfWorkGroups) {
    // More pixels than one row of work groups can cover on devices with the minimum limit of
    // 65535 groups of 256: the last pixel must still be processed.
    const size_t pixels = 65535u * 256u + 1000u;
    std::vector<float> rgba(pixels * 4, 0.25f);
    rgba[rgba.size() - 4] = std::numeric_limits<float>::quiet_NaN();
    CdlValues v;
    v.slope = {2, 2, 2};
    const auto out = runOnGpu({std::make_shared<CdlNode>(v, CdlStyle::NoClamp)}, rgba);
    EXPECT_EQ(out[0], 0.5f);
    EXPECT_EQ(out[out.size() - 4], 0.0f);  // NaN became 0, then 0 * 2
    EXPECT_EQ(out[out.size() - 3], 0.5f);
}

namespace {

// Runs `input` (RGBA, as float or as half bits) through the kernel with the given formats and
// returns the output as floats.
std::vector<float> runFormats(const PointSteps& steps, const std::vector<float>& input, FrameFormats formats) {
    GpuContext& gpu = sharedGpu();
    FusedKernel kernel(gpu, steps);
    kernel.prepare(formats);
    const uint32_t pixels = uint32_t(input.size() / 4);
    FrameSlots slots(gpu, 1, [&](VkCommandBuffer cmd, VkBuffer src, VkBuffer dst) {
        kernel.record(cmd, src, dst, pixels, formats);
    });
    if (formats.sourceHalf) {
        std::vector<uint16_t> bits(input.size());
        for (size_t i = 0; i < input.size(); ++i) bits[i] = half(input[i]).bits();
        std::memcpy(slots.input(0, bits.size() * 2), bits.data(), bits.size() * 2);
    } else {
        std::memcpy(slots.input(0, input.size() * 4), input.data(), input.size() * 4);
    }
    slots.submit(0, input.size() * (formats.destinationHalf ? 2 : 4));
    const void* out = slots.wait(0);
    std::vector<float> result(input.size());
    for (size_t i = 0; i < input.size(); ++i) {
        if (formats.destinationHalf) {
            half h;
            h.setBits(static_cast<const uint16_t*>(out)[i]);
            result[i] = float(h);
        } else {
            result[i] = static_cast<const float*>(out)[i];
        }
    }
    return result;
}

}  // namespace

TEST_F(FusedKernelTest, HalfFramesConvertOnTheGpuExactlyLikeImath) {
    // Imath's half conversion (what OpenEXR uses: round to nearest even, subnormals kept) is the
    // oracle; the kernel converts by bit manipulation, so a pass-through is exact in every format.
    std::vector<float> input = colourProbePixels(false);
    input.insert(input.end(), {70000.0f, -70000.0f, 1e-6f, 1.0f});  // beyond the half range; a subnormal
    input.insert(input.end(), {-3e-7f, 6.1e-5f, 0.0f, 0.5f});        // subnormals near the normal range
    for (FrameFormats formats : {FrameFormats{true, false}, FrameFormats{false, true}, FrameFormats{true, true}}) {
        const auto result = runFormats({}, input, formats);
        for (size_t i = 0; i < input.size(); ++i) {
            // A half source turns 70000 into Inf, which the kernel then replaces (sanitized).
            float expected = sanitized(formats.sourceHalf ? float(half(input[i])) : input[i]);
            if (formats.destinationHalf) expected = float(half(std::clamp(expected, -65504.0f, 65504.0f)));
            ASSERT_EQ(result[i], expected) << "index " << i << " (" << input[i] << "), formats "
                                           << formats.sourceHalf << formats.destinationHalf;
        }
    }
}

TEST_F(FusedKernelTest, HalfFramesGradeLikeFloatOnes) {
    CdlValues v;
    v.slope = {1.1, 0.9, 1.0};
    v.power = {1.2, 1.0, 0.9};
    v.saturation = 1.2;
    const PointSteps steps = {std::make_shared<CdlNode>(v, CdlStyle::NoClamp)};
    std::vector<float> input = colourProbePixels(false);
    for (float& x : input) x = float(half(x));  // values a half source can hold
    const auto reference = runOnGpu(steps, input);
    std::vector<float> rounded(reference.size());
    for (size_t i = 0; i < rounded.size(); ++i) rounded[i] = float(half(std::clamp(reference[i], -65504.0f, 65504.0f)));
    // Half in, half out: the float result rounded to half once, so equal.
    const auto err = maxRgbError(runFormats(steps, input, {true, true}), rounded);
    EXPECT_EQ(err.error, 0.0) << "pixel " << err.pixel;
}

TEST_F(FusedKernelTest, EveryHalfConvertsExactlyBothWays) {
    // All 65536 half bit patterns, half -> float (Imath's value; NaN -> 0 and Inf -> 65504 by the
    // sanitising policy), and every float halfway between two halves and one float ULP either
    // side of it, float -> half (Imath's round to nearest even), with no grade in between.
    std::vector<float> halves(65536);  // 16384 RGBA pixels
    for (uint32_t bits = 0; bits < 65536; ++bits) {
        half h;
        h.setBits(uint16_t(bits));
        halves[bits] = float(h);
    }
    const auto decoded = runFormats({}, halves, {true, false});
    for (uint32_t bits = 0; bits < 65536; ++bits)
        ASSERT_EQ(decoded[bits], sanitized(halves[bits])) << "half bits " << bits;

    std::vector<float> floats;
    for (uint32_t bits = 0; bits < 0x7bffu; ++bits) {  // positive finite halves below the largest
        half lo, hi;
        lo.setBits(uint16_t(bits));
        hi.setBits(uint16_t(bits + 1));
        const float middle = (float(lo) + float(hi)) / 2;
        for (float f : {std::nextafter(middle, 0.0f), middle, std::nextafter(middle, 1e9f)}) {
            floats.push_back(f);
            floats.push_back(-f);
        }
    }
    while (floats.size() % 4) floats.push_back(0.0f);
    const auto encoded = runFormats({}, floats, {false, true});
    for (size_t i = 0; i < floats.size(); ++i) ASSERT_EQ(encoded[i], float(half(floats[i]))) << "float " << floats[i];
}

TEST(ShaderDiskCache, KeepsCompiledKernelsAndRecompilesDamagedOnes) {
    TempDir dir;
    setenv("TINCT_SHADER_CACHE", dir.path().c_str(), 1);
    // A source no other test compiles, so the in-memory cache cannot answer.
    const std::string source = "#version 450\nlayout(local_size_x = 1) in;\n"
                               "layout(std430, binding = 0) buffer B { float v[]; };\n"
                               "void main() { v[0] = " + std::to_string(::getpid()) + ".0; }\n";
    const auto first = compileComputeShader(source, "cache test");
    unsetenv("TINCT_SHADER_CACHE");
    const auto files = dir.entries();
    ASSERT_EQ(files.size(), 1u);
    EXPECT_EQ(std::filesystem::file_size(dir.path() / files[0]), first.size() * 4);

    // A damaged file is not trusted: the kernel is compiled and the file written anew.
    const std::string other = source + "// another kernel\n";
    std::ofstream(dir.path() / shaderCacheName(other), std::ios::binary) << "not spir-v";
    setenv("TINCT_SHADER_CACHE", dir.path().c_str(), 1);
    const auto again = compileComputeShader(other, "cache test");
    unsetenv("TINCT_SHADER_CACHE");
    EXPECT_EQ(again.front(), 0x07230203u);
    EXPECT_EQ(std::filesystem::file_size(dir.path() / shaderCacheName(other)), again.size() * 4);
}
