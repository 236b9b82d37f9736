// With colour flags and no grade, a render is input -> output (or display/view) as one OCIO
// processor, whatever the working space is: the output is OpenColorIO's CPU processor for that
// transform, within the tolerance of the display tests (2e-4, absolute within 0..1 and relative
// beyond: float rounding of the same analytic curves). Checked on the shipped config (a data view
// passes the input's values, not the working space's) and on a config the test writes whose
// working space is a log encoding defined by a 1D LUT, which clamps what lies outside its range
// (and of which the user is warned, naming the spaces and the values lost), with a 3D LUT view
// and a data view. With a grade, the path goes through the working space, against OCIO's
// processors chained in the test.
#include <gtest/gtest.h>

#include <cmath>

#include "engine/color/ColorConfig.h"
#include "engine/color/ColorPipeline.h"
#include "tests/support/FilmRender.h"
#include "tests/support/GpuFixture.h"
#include "tests/support/LutConfig.h"
#include "tests/support/OcioOracle.h"
#include "tests/support/TempDir.h"
#include "tests/support/TestPixels.h"

namespace OCIO = OCIO_NAMESPACE;
using namespace tinct;
using namespace tinct::test;

namespace {

constexpr double kTolerance = 2e-4;

// Scene-linear values from slightly negative to 50, grey and coloured.
std::vector<float> probe() {
    std::vector<float> px;
    const float levels[] = {-0.05f, -0.01f, 0.0f, 0.001f, 0.02f, 0.18f, 0.5f, 1.0f, 4.0f, 8.0f, 50.0f};
    for (float a : levels)
        for (float b : levels)
            for (float c : levels) px.insert(px.end(), {a, b, c, 1.0f});
    return px;
}

class NoGradeColorTest : public GpuFixture {
protected:
    // The render's colour path with no grade, on the GPU.
    std::vector<float> rendered(const ColorRequest& request, const std::vector<float>& px) {
        const ColorPlan plan = planColor(request, [] { return std::nullopt; });
        return runOnGpu(aroundGrade(plan, {}), px);
    }
    void expectMatches(const std::string& config, const std::string& input, const std::string& display,
                       const std::string& view) {
        ColorRequest request;
        request.config = config, request.input = input, request.display = display, request.view = view;
        const auto px = probe();
        const auto gpu = rendered(request, px);
        const auto cpu = ocioDisplayReference(config, input, display, view, px);
        const auto err = maxScaledError(gpu, cpu);
        const size_t p = err.pixel * 4;
        EXPECT_LE(err.error, kTolerance) << input << " -> " << display << " / " << view << ": pixel (" << px[p] << ", "
                                         << px[p + 1] << ", " << px[p + 2] << ") gives " << gpu[p] << ", OCIO " << cpu[p];
    }
};

const std::string kShipped = TINCT_SOURCE_DIR "/luts/config.ocio";

}  // namespace

// The issue's case: ACEScg 8.0 through sRGB / Raw is 8.0, as OCIO shows it, not the working space's
// ACEScct code value.
TEST_F(NoGradeColorTest, ADataViewShowsTheInputsValues) {
    ColorRequest request;
    request.config = kShipped, request.input = "ACEScg", request.display = "sRGB", request.view = "Raw";
    const auto out = rendered(request, {8.0f, 0.18f, -0.01f, 1.0f});
    EXPECT_FLOAT_EQ(out[0], 8.0f);
    EXPECT_FLOAT_EQ(out[1], 0.18f);
    EXPECT_FLOAT_EQ(out[2], -0.01f);
}

// Every view of every display of the shipped config, from ACEScg. (The kernels are the display
// tests' own processors, so a warm shader cache serves both.)
TEST_F(NoGradeColorTest, DisplaysOfTheShippedConfigAreOcios) {
    const auto config = loadConfig(kShipped).config;
    for (int d = 0; d < config->getNumDisplays(); ++d) {
        const std::string display = config->getDisplay(d);
        for (int v = 0; v < config->getNumViews(display.c_str()); ++v)
            expectMatches(kShipped, "ACEScg", display, config->getView(display.c_str(), v));
    }
}

// A third-party config built on LUT files: the working space (color_timing) is a log encoding given
// by a 1D LUT from code values 0..1 to linear 2^-10 .. 2^6 times 0.18, so linear values below or
// above that clamp on the way in. With no grade nothing goes through it.
TEST_F(NoGradeColorTest, AWorkingSpaceThatClampsDoesNotTouchAnUngradedRender) {
    TempDir dir;
    const std::string config = writeClampingLutConfig(dir);
    for (const char* view : {"Standard", "Look", "Raw"}) expectMatches(config, "linear", "sRGB", view);
    // The working space is where the grade happens: with one, the path goes through it.
    ColorRequest request;
    request.config = config, request.input = "linear", request.display = "sRGB", request.view = "Raw";
    const ColorPlan plan = planColor(request, [] { return std::nullopt; });
    EXPECT_EQ(plan.toWorking.size(), 1u);
    EXPECT_EQ(plan.fromWorking.size(), 1u);
    // And the user is told what a grade there loses: negative values and those above 2^6 x 0.18.
    ASSERT_EQ(plan.warnings.size(), 1u);
    EXPECT_NE(plan.warnings[0].find("the working space lutlog cannot hold all of the input linear's values (-0.05 comes back as"),
              std::string::npos)
        << plan.warnings[0];
    EXPECT_NE(plan.warnings[0].find("100 comes back as"), std::string::npos) << plan.warnings[0];
}

// ACEScct holds every scene-linear value of ACEScg a camera gives, negative ones included: no warning.
TEST(WorkingSpaceWarning, NotForAcescct) {
    ColorRequest request;
    request.config = kShipped, request.input = "ACEScg", request.display = "sRGB";
    EXPECT_TRUE(planColor(request, [] { return std::nullopt; }).warnings.empty());
}

// With a grade the path is input -> working -> grade -> output, as a colorist expects: against OCIO's
// CPU processors chained in the test (ACEScg -> ACEScct, the CDL as OCIO's CDLTransform, ACEScct ->
// display / view). Tolerance 5e-4 scaled: three processors in float instead of two, the ACES output
// transform's rounding (2e-4 alone) carried through the CDL's slope. A data view shows the graded
// working-space values, which is what OCIO's Raw view of ACEScct gives.
TEST_F(NoGradeColorTest, AGradedRenderGoesThroughTheWorkingSpace) {
    const auto config = loadConfig(kShipped).config;
    const std::string grade =
        R"({"tinct_grade": 2, "nodes": [{"id": "c", "type": "cdl", "params": {"slope": [1.2, 1.1, 0.9], "offset": [0.01, 0, -0.01]}}]})";
    for (const std::string view : {"ACES 1.0 - SDR Video", "Raw"}) {
        ColorRequest request;
        request.config = kShipped, request.input = "ACEScg", request.display = "sRGB", request.view = view;
        const ColorPlan plan = planColor(request, [] { return std::nullopt; });
        const auto px = probe();
        const auto gpu = runOnGpu(aroundGrade(plan, compileGradeJson(grade)), px);

        auto chain = OCIO::GroupTransform::Create();
        auto in = OCIO::ColorSpaceTransform::Create();
        in->setSrc("ACEScg"), in->setDst("ACEScct");
        chain->appendTransform(in);
        auto cdl = OCIO::CDLTransform::Create();
        const double slope[] = {1.2, 1.1, 0.9}, offset[] = {0.01, 0, -0.01};
        cdl->setSlope(slope), cdl->setOffset(offset), cdl->setStyle(OCIO::CDL_NO_CLAMP);
        chain->appendTransform(cdl);
        auto out = OCIO::DisplayViewTransform::Create();
        out->setSrc("ACEScct"), out->setDisplay("sRGB"), out->setView(view.c_str());
        chain->appendTransform(out);
        std::vector<float> cpu = px;
        OCIO::PackedImageDesc image(cpu.data(), long(cpu.size() / 4), 1, 4);
        config->getProcessor(chain)->getDefaultCPUProcessor()->apply(image);
        for (float& v : cpu) v = sanitized(v);
        const auto err = maxScaledError(gpu, cpu);
        EXPECT_LE(err.error, 5e-4) << view << ": pixel " << err.pixel;
    }
}
