// OCIO's Grading* transforms (the colorist's primaries, tone zones and curves) through the one GPU
// path, against OCIO's CPU processor.
#include <gtest/gtest.h>

#include "engine/color/OcioGpuStep.h"
#include "tests/support/GpuFixture.h"
#include "tests/support/TestPixels.h"

namespace OCIO = OCIO_NAMESPACE;
using namespace tinct;
using namespace tinct::test;

namespace {

// These transforms are pow/log/spline arithmetic: float rounding, relative above 1 (as for CDL).
constexpr double kTolerance = 5e-5;

class GradingTransformsGpuTest : public GpuFixture {
protected:
    void expectMatches(const OCIO::ConstTransformRcPtr& transform, const std::string& what) {
        const auto processor = OCIO::Config::CreateRaw()->getProcessor(transform);
        const auto pixels = colourProbePixels(false);
        const auto gpu = runOnGpu({sharedOcioGpuStep(processor, what)}, pixels);
        auto cpu = pixels;
        OCIO::PackedImageDesc image(cpu.data(), long(cpu.size() / 4), 1, 4);
        processor->getDefaultCPUProcessor()->apply(image);
        for (float& v : cpu) v = sanitized(v);
        const auto err = maxScaledError(gpu, cpu);
        const size_t p = err.pixel * 4;
        EXPECT_LE(err.error, kTolerance) << what << " pixel " << err.pixel << " (" << pixels[p] << ", " << pixels[p + 1]
                                         << ", " << pixels[p + 2] << ") gpu (" << gpu[p] << ", " << gpu[p + 1] << ", "
                                         << gpu[p + 2] << ") cpu (" << cpu[p] << ", " << cpu[p + 1] << ", " << cpu[p + 2] << ")";
    }
};

}  // namespace

TEST_F(GradingTransformsGpuTest, PrimaryInEachStyleMatchesOcio) {
    // Each style with the controls it has (OCIO's GradingPrimary documentation): log uses
    // brightness, contrast, gamma and pivot; lin offset, exposure, contrast and pivot; video lift,
    // gamma, gain, offset and its black/white pivots. All use saturation.
    for (auto style : {OCIO::GRADING_LOG, OCIO::GRADING_LIN, OCIO::GRADING_VIDEO}) {
        OCIO::GradingPrimary values(style);
        values.m_saturation = 1.2;
        if (style == OCIO::GRADING_LOG) {
            values.m_brightness = OCIO::GradingRGBM(0.02, -0.01, 0.0, 0.03);
            values.m_contrast = OCIO::GradingRGBM(1.1, 0.95, 1.0, 1.05);
            values.m_gamma = OCIO::GradingRGBM(0.9, 1.1, 1.0, 1.0);
            values.m_pivot = -0.2;
        } else if (style == OCIO::GRADING_LIN) {
            values.m_offset = OCIO::GradingRGBM(0.01, 0.0, -0.01, 0.0);
            values.m_exposure = OCIO::GradingRGBM(0.2, 0.0, 0.1, 0.3);
            values.m_contrast = OCIO::GradingRGBM(1.1, 0.95, 1.0, 1.05);
            values.m_pivot = 0.18;
        } else {
            // The master gamma is not 1: OCIO 2.1.2's CPU renderer skips the video style's
            // per-channel gamma when the master gamma is 1 (its identity check reads the master
            // alone) while its GPU shader applies it, so with a master of 1 the two disagree by up
            // to 0.05 inside 0..1 and the CPU is the one that is wrong.
            values.m_gamma = OCIO::GradingRGBM(0.9, 1.1, 1.0, 1.2);
            values.m_lift = OCIO::GradingRGBM(0.01, 0.0, 0.02, 0.0);
            values.m_gain = OCIO::GradingRGBM(1.1, 1.0, 0.9, 1.05);
            values.m_offset = OCIO::GradingRGBM(0.01, 0.0, -0.01, 0.0);
        }
        auto t = OCIO::GradingPrimaryTransform::Create(style);
        t->setValue(values);
        expectMatches(t, std::string("GradingPrimary ") + OCIO::GradingStyleToString(style));
    }
}

TEST_F(GradingTransformsGpuTest, ToneAndRgbCurvesMatchOcio) {
    OCIO::GradingTone tone(OCIO::GRADING_LOG);
    tone.m_midtones = OCIO::GradingRGBMSW(1.1, 1.0, 0.9, 1.05, 0.4, 0.6);
    tone.m_highlights = OCIO::GradingRGBMSW(0.95, 1.0, 1.05, 0.9, 0.3, 1.0);
    tone.m_scontrast = 1.2;
    auto toneTransform = OCIO::GradingToneTransform::Create(OCIO::GRADING_LOG);
    toneTransform->setValue(tone);
    expectMatches(toneTransform, "GradingTone");

    auto curve = OCIO::GradingBSplineCurve::Create({{0.0f, 0.0f}, {0.3f, 0.25f}, {0.7f, 0.8f}, {1.0f, 1.0f}});
    auto identity = OCIO::GradingBSplineCurve::Create({{0.0f, 0.0f}, {1.0f, 1.0f}});
    auto curves = OCIO::GradingRGBCurve::Create(curve, identity, curve, identity);
    auto curveTransform = OCIO::GradingRGBCurveTransform::Create(OCIO::GRADING_LOG);
    curveTransform->setValue(curves);
    expectMatches(curveTransform, "GradingRGBCurve");
}
