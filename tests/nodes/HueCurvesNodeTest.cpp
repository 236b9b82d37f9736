// Hue curves against what each curve must do, computed here in closed form: flat curves change
// nothing, zero saturation gain leaves the luma as grey, half a turn of hue mirrors the chroma,
// a luma-vs-saturation curve greys only the luma range it covers.
#include <gtest/gtest.h>

#include <cmath>

#include "engine/Error.h"
#include "engine/nodes/NodeTypes.h"
#include "tests/support/GpuFixture.h"
#include "tests/support/TestPixels.h"

using namespace tinct;
using namespace tinct::test;

namespace {

// Luma/chroma split and rebuild in float: a few float ULPs, relative (scaled error).
constexpr double kTolerance = 2e-5;

double luma(const float* p) { return 0.2126 * p[0] + 0.7152 * p[1] + 0.0722 * p[2]; }

std::vector<float> run(const NodeParams& p, const std::vector<float>& pixels) {
    return runOnGpu({findNodeType("hue_curves")->makeStep(p, {})}, pixels);
}

NodeParams defaults() { return defaultParams(findNodeType("hue_curves")->params); }

class HueCurvesNodeTest : public GpuFixture {};

}  // namespace

TEST_F(HueCurvesNodeTest, FlatCurvesChangeNothing) {
    const auto pixels = colourProbePixels(false);
    std::vector<float> expected = pixels;
    EXPECT_LE(maxScaledError(run(defaults(), pixels), expected).error, kTolerance);
}

TEST_F(HueCurvesNodeTest, ZeroSaturationGainGivesGreyOfTheSameLuma) {
    NodeParams p = defaults();
    p.set("hue_vs_sat", CurvePoints{{0.0, 0.0}, {0.5, 0.0}});
    const auto pixels = colourProbePixels(false);
    const auto out = run(p, pixels);
    std::vector<float> expected(pixels.size());
    for (size_t i = 0; i < pixels.size(); i += 4) {
        const float y = float(luma(&pixels[i]));
        expected[i] = expected[i + 1] = expected[i + 2] = y;
        expected[i + 3] = pixels[i + 3];
    }
    EXPECT_LE(maxScaledError(out, expected).error, kTolerance);
}

TEST_F(HueCurvesNodeTest, HalfATurnOfHueMirrorsTheChroma) {
    NodeParams p = defaults();
    p.set("hue_vs_hue", CurvePoints{{0.0, 0.5}, {0.5, 0.5}});
    const auto pixels = colourProbePixels(false);
    const auto out = run(p, pixels);
    std::vector<float> expected(pixels.size());
    for (size_t i = 0; i < pixels.size(); i += 4) {
        const double y = luma(&pixels[i]);
        const double r = 2 * y - pixels[i], b = 2 * y - pixels[i + 2];  // R - Y and B - Y negated
        expected[i] = float(r);
        expected[i + 2] = float(b);
        expected[i + 1] = float((y - 0.2126 * r - 0.0722 * b) / 0.7152);
        expected[i + 3] = pixels[i + 3];
    }
    EXPECT_LE(maxScaledError(out, expected).error, 1e-4);  // cos/sin of pi in float: 1e-7 of a turn
}

TEST_F(HueCurvesNodeTest, LumVsSatGreysOnlyTheLumaItCovers) {
    NodeParams p = defaults();
    p.set("lum_vs_sat", CurvePoints{{0.0, 1.0}, {0.3, 1.0}, {0.7, 0.0}, {1.0, 0.0}});
    const std::vector<float> pixels = {0.1f, 0.05f, 0.02f, 1,   // luma below 0.3: unchanged
                                       1.2f, 0.9f, 0.7f, 1};    // luma above 0.7: grey
    const auto out = run(p, pixels);
    for (int c = 0; c < 3; ++c) EXPECT_NEAR(out[c], pixels[c], 1e-6);
    const double y = luma(&pixels[4]);
    for (int c = 0; c < 3; ++c) EXPECT_NEAR(out[4 + c], y, 1e-5);
}

TEST(HueCurvesNode, AtMostSixteenPoints) {
    NodeParams p = defaultParams(findNodeType("hue_curves")->params);
    CurvePoints many;
    for (int i = 0; i < 17; ++i) many.push_back({i / 17.0, 1.0});
    p.set("hue_vs_sat", many);
    EXPECT_THROW(findNodeType("hue_curves")->makeStep(p, {}), Error);
}
