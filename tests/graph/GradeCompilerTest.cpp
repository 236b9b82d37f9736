// A grade's fused kernel against the same graph run node by node, one dispatch per node.
#include <gtest/gtest.h>

#include "engine/graph/GradeCompiler.h"
#include "engine/graph/GradeEditor.h"
#include "tests/support/CubeFiles.h"
#include "tests/support/GpuFixture.h"
#include "tests/support/TempDir.h"
#include "tests/support/TestPixels.h"

using namespace tinct;
using namespace tinct::test;

namespace {

class GradeCompilerTest : public GpuFixture {};

Grade sixNodeGrade(const TempDir& dir) {
    writeCube3d(dir.file("look.cube"), 17);
    GradeEditor e;
    const auto p = e.addNode("primaries");
    e.setParam(p, "contrast", std::array<double, 4>{1.1, 1.0, 0.95, 1.05});
    e.setParam(p, "gamma", std::array<double, 4>{0.95, 1.0, 1.05, 1.1});
    const auto c = e.addNode("cdl");
    e.setParam(c, "slope", std::array<double, 4>{1.1, 1.0, 0.9, 0});
    const auto m = e.addNode("channel_mixer");
    e.setParam(m, "red", std::array<double, 4>{0.9, 0.1, 0.0, 0});
    const auto l = e.addNode("lut");
    e.setParam(l, "file", std::string("look.cube"));
    e.addNode("soft_clip");
    e.addNode("clamp");
    return e.grade();
}

}  // namespace

TEST_F(GradeCompilerTest, FusedEqualsNodeByNode) {
    TempDir dir;
    const Grade grade = sixNodeGrade(dir);
    const PointSteps steps = compileGrade(grade, dir.path().string());
    ASSERT_EQ(steps.size(), 6u);
    const auto pixels = colourProbePixels();
    const auto fused = runOnGpu(steps, pixels);
    auto unfused = pixels;
    for (const auto& step : steps) unfused = runOnGpu({step}, unfused);
    // The same float operations in the same order; only the compiler's freedom to contract
    // a * b + c into one fused multiply-add differs between kernels.
    const auto err = maxScaledError(fused, unfused);
    EXPECT_LE(err.error, 1e-6) << "pixel " << err.pixel;
}

TEST_F(GradeCompilerTest, BypassLeavesANodeOutAndOpacityMixesWithItsInput) {
    TempDir dir;
    GradeEditor e(sixNodeGrade(dir));
    const auto chain = e.grade().order();
    const std::string cdl = chain[1]->id, mixer = chain[2]->id;
    const auto pixels = colourProbePixels(false);
    const PointSteps all = compileGrade(e.grade(), dir.path().string());

    e.setBypass(cdl, true);
    PointSteps without = all;
    without.erase(without.begin() + 1);
    EXPECT_LE(maxScaledError(runOnGpu(compileGrade(e.grade(), dir.path().string()), pixels), runOnGpu(without, pixels)).error, 1e-6);

    e.setBypass(cdl, false);
    e.setOpacity(mixer, 0.25);
    // Node by node: up to the mixer, then mix(before, mixer(before), 0.25), then the rest.
    auto before = pixels;
    for (size_t i = 0; i < 2; ++i) before = runOnGpu({all[i]}, before);
    const auto mixed = runOnGpu({all[2]}, before);
    auto expected = before;
    for (size_t i = 0; i < expected.size(); ++i) expected[i] = before[i] + 0.25f * (mixed[i] - before[i]);
    for (size_t i = 3; i < all.size(); ++i) expected = runOnGpu({all[i]}, expected);
    const auto err = maxScaledError(runOnGpu(compileGrade(e.grade(), dir.path().string()), pixels), expected);
    EXPECT_LE(err.error, 2e-6) << "pixel " << err.pixel;
}
