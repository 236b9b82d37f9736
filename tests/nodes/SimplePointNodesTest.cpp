// Channel mixer, soft clip and clamp against their closed forms, computed here in double.
#include <gtest/gtest.h>

#include <cmath>

#include "engine/Error.h"
#include "engine/nodes/NodeTypes.h"
#include "tests/support/GpuFixture.h"
#include "tests/support/TestPixels.h"

using namespace tinct;
using namespace tinct::test;

namespace {

// float arithmetic of a few operations on values up to 16: relative 1e-6, scaled.
constexpr double kTolerance = 2e-6;

std::vector<float> run(const std::string& type, const NodeParams& params, const std::vector<float>& pixels) {
    return runOnGpu({findNodeType(type)->makeStep(params, {})}, pixels);
}

NodeParams defaults(const std::string& type) { return defaultParams(findNodeType(type)->params); }

class SimplePointNodesTest : public GpuFixture {};

}  // namespace

TEST_F(SimplePointNodesTest, ChannelMixerIsAMatrixPlusOffset) {
    NodeParams p = defaults("channel_mixer");
    const double m[3][3] = {{0.9, 0.2, -0.1}, {0.05, 1.1, -0.15}, {-0.2, 0.1, 1.1}}, o[3] = {0.01, -0.02, 0.03};
    p.set("red", std::array<double, 4>{m[0][0], m[0][1], m[0][2], 0});
    p.set("green", std::array<double, 4>{m[1][0], m[1][1], m[1][2], 0});
    p.set("blue", std::array<double, 4>{m[2][0], m[2][1], m[2][2], 0});
    p.set("offset", std::array<double, 4>{o[0], o[1], o[2], 0});
    const auto pixels = colourProbePixels();
    const auto gpu = run("channel_mixer", p, pixels);
    std::vector<float> expected(pixels.size());
    for (size_t i = 0; i < pixels.size(); i += 4) {
        double in[3];
        for (int c = 0; c < 3; ++c) in[c] = sanitized(pixels[i + c]);
        for (int r = 0; r < 3; ++r) expected[i + r] = float(sanitized(float(m[r][0] * in[0] + m[r][1] * in[1] + m[r][2] * in[2] + o[r])));
        expected[i + 3] = sanitized(pixels[i + 3]);
    }
    const auto err = maxScaledError(gpu, expected);
    EXPECT_LE(err.error, kTolerance) << "pixel " << err.pixel;
}

TEST_F(SimplePointNodesTest, SoftClipRollsOffAboveTheKneeTowardsTheCeiling) {
    NodeParams p = defaults("soft_clip");
    p.set("knee", 0.7);
    p.set("ceiling", 1.2);
    std::vector<float> pixels;
    for (int i = 0; i <= 200; ++i) pixels.insert(pixels.end(), {-0.5f + 0.05f * i, 0.69f, 0.71f, 1});
    const auto gpu = run("soft_clip", p, pixels);
    for (size_t i = 0; i < pixels.size(); ++i) {
        if (i % 4 == 3) continue;
        const double x = pixels[i];
        const double expected = x <= 0.7 ? x : 0.7 + 0.5 * (1 - std::exp(-(x - 0.7) / 0.5));
        ASSERT_NEAR(gpu[i], expected, 1e-6 * std::max(1.0, std::fabs(expected))) << "x " << x;
        ASSERT_LE(gpu[i], 1.2f);  // approaches the ceiling (equal only by float rounding, far above the knee)
    }
    p.set("ceiling", 0.5);
    EXPECT_THROW(findNodeType("soft_clip")->makeStep(p, {}), Error);
}

TEST_F(SimplePointNodesTest, ClampLimitsEachChannelToItsRange) {
    NodeParams p = defaults("clamp");
    p.set("min", std::array<double, 4>{0, 0.1, -1, 0});
    p.set("max", std::array<double, 4>{1, 0.9, 2, 0});
    const auto pixels = colourProbePixels();
    const auto gpu = run("clamp", p, pixels);
    const float lo[3] = {0, 0.1f, -1}, hi[3] = {1, 0.9f, 2};
    for (size_t i = 0; i < pixels.size(); ++i) {
        const float v = sanitized(pixels[i]);
        ASSERT_EQ(gpu[i], i % 4 == 3 ? v : std::clamp(v, lo[i % 4], hi[i % 4])) << "index " << i;
    }
}

TEST_F(SimplePointNodesTest, EveryNodeTypeDeclaresValidDefaults) {
    // Each declared default is inside its own range and every point type makes a step from its
    // defaults (the lut node needs a file, so it must say so).
    for (const auto& type : nodeTypes()) {
        for (const auto& d : type.params)
            if (d.type == ParamType::Number || d.type == ParamType::Rgb || d.type == ParamType::Rgbm)
                for (int c = 0; c < (d.type == ParamType::Number ? 1 : d.type == ParamType::Rgb ? 3 : 4); ++c)
                    EXPECT_TRUE(d.defaults[c] >= d.min && d.defaults[c] <= d.max) << type.name << "." << d.name;
        const NodeParams p = defaultParams(type.params);
        if (type.name == "lut") EXPECT_THROW(type.makeStep(p, {}), Error);
        else EXPECT_NO_THROW(type.makeStep(p, {})) << type.name;
    }
}
