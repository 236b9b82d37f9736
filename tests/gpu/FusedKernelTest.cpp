// The fused point kernel: one dispatch for a whole run of steps, a parameter change reuses the
// compiled kernel, and the NaN/Inf policy holds with no steps at all (the build-time kernel).
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "engine/gpu/ShaderCompiler.h"
#include "engine/graph/FusedKernel.h"
#include "engine/nodes/CdlNode.h"
#include "tests/support/GpuFixture.h"
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
