// The tone node against OpenColorIO's GradingToneTransform on the CPU, and its kernel text
// independent of the values (a wheel moved compiles nothing).
#include <gtest/gtest.h>

#include <OpenColorIO/OpenColorIO.h>

#include "engine/nodes/NodeTypes.h"
#include "tests/support/GpuFixture.h"
#include "tests/support/OcioOracle.h"
#include "tests/support/TestPixels.h"

namespace OCIO = OCIO_NAMESPACE;
using namespace tinct;
using namespace tinct::test;

namespace {

// OCIO's GPU shader evaluates the same tone curves as its CPU renderer, in float: 5e-5 scaled,
// as for OCIO's other Grading* transforms.
constexpr double kTolerance = 5e-5;

NodeParams toneParams(const std::string& style, double shift) {
    NodeParams p = defaultParams(findNodeType("tone")->params);
    p.set("style", style);
    p.set("shadows", std::array<double, 4>{1.0 + shift, 0.95, 1.05, 1.1});
    p.set("midtones", std::array<double, 4>{1.05, 1.0, 0.95 - shift, 0.9});
    p.set("highlights", std::array<double, 4>{0.95, 1.0, 1.05, 1.1 + shift});
    p.set("s_contrast", 1.2);
    return p;
}

OCIO::ConstTransformRcPtr oracle(const NodeParams& p) {
    const auto style = p.text("style") == "lin" ? OCIO::GRADING_LIN : OCIO::GRADING_LOG;
    OCIO::GradingTone tone(style);
    auto set = [&](OCIO::GradingRGBMSW& z, const char* name) {
        const auto v = p.rgbm(name);
        z.m_red = v[0], z.m_green = v[1], z.m_blue = v[2], z.m_master = v[3];
    };
    set(tone.m_shadows, "shadows");
    set(tone.m_midtones, "midtones");
    set(tone.m_highlights, "highlights");
    tone.m_scontrast = p.number("s_contrast");
    auto t = OCIO::GradingToneTransform::Create(style);
    t->setValue(tone);  // static: OCIO's CPU renderer with the values built in
    return t;
}

class ToneNodeTest : public GpuFixture {};

}  // namespace

TEST_F(ToneNodeTest, MatchesOcioInLogAndLinStyles) {
    for (const char* style : {"log", "lin"}) {
        const NodeParams p = toneParams(style, 0.0);
        const auto pixels = colourProbePixels();
        const auto gpu = runOnGpu({findNodeType("tone")->makeStep(p, {})}, pixels);
        auto ref = ocioReference(oracle(p), pixels);
        for (float& v : ref) v = sanitized(v);
        const auto err = maxScaledError(gpu, ref);
        EXPECT_LE(err.error, kTolerance) << style << " pixel " << err.pixel;
    }
}

TEST_F(ToneNodeTest, NewValuesChangeParametersNotTheKernelText) {
    const auto a = findNodeType("tone")->makeStep(toneParams("log", 0.0), {});
    const auto b = findNodeType("tone")->makeStep(toneParams("log", 0.2), {});
    const StepSlot slot{"tinct_step0", 0, 3};
    EXPECT_EQ(a->glsl(slot), b->glsl(slot));
    EXPECT_NE(a->params(), b->params());
    // And the new values are the ones the GPU uses.
    const auto pixels = colourProbePixels(false);
    auto ref = ocioReference(oracle(toneParams("log", 0.2)), pixels);
    EXPECT_LE(maxScaledError(runOnGpu({b}, pixels), ref).error, kTolerance);
}
