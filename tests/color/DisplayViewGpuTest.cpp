// Every display and view of the shipped config, from ACEScg and from each camera encoding, on the
// GPU against OpenColorIO's CPU processor.
#include <gtest/gtest.h>

#include <cctype>
#include <cmath>

#include "engine/color/ColorConfig.h"
#include "engine/color/OcioGpuStep.h"
#include "tests/support/GpuFixture.h"
#include "tests/support/TestPixels.h"

namespace OCIO = OCIO_NAMESPACE;
using namespace tinct;
using namespace tinct::test;

namespace {

// The bar for display-referred output: 2e-4, absolute within 0..1 and relative beyond (the
// Un-tone-mapped and Log views pass out-of-gamut camera colours through as values in the
// hundreds or thousands, where float rounding is relative). OCIO's GPU shaders evaluate the same
// analytic ACES and display curves as its CPU path, in float, so differences are rounding.
constexpr double kDisplayTolerance = 2e-4;

const LoadedConfig& shippedConfig() {
    static const LoadedConfig config = loadConfig(TINCT_SOURCE_DIR "/luts/config.ocio");
    return config;
}

// Scene-linear probe: ramps from negative to 100 (log-spaced above 0.01), saturated colours at
// the same levels, and random colours.
std::vector<float> linearProbePixels() {
    std::vector<float> px;
    auto add = [&](float r, float g, float b) { px.insert(px.end(), {r, g, b, 1.0f}); };
    for (int i = 0; i <= 400; ++i) {
        const float v = i < 40 ? -0.2f + 0.21f * float(i) / 40.0f : 0.01f * std::pow(10000.0f, float(i - 40) / 360.0f);
        add(v, v, v);
    }
    const float levels[] = {-0.1f, 0.0f, 0.02f, 0.18f, 1.0f, 8.0f, 100.0f};
    for (float a : levels)
        for (float b : levels)
            for (float c : levels) add(a, b, c);
    auto random = colourProbePixels(false);
    px.insert(px.end(), random.begin(), random.end());
    return px;
}

// Camera encodings hold code values: ramps and saturated colours from slightly below 0 to
// slightly above 1. (A code value of 100 would decode to beyond float range, where CPU and GPU
// both produce meaningless overflow, differently.)
std::vector<float> codeValueProbePixels() {
    std::vector<float> px;
    auto add = [&](float r, float g, float b) { px.insert(px.end(), {r, g, b, 1.0f}); };
    for (int i = 0; i <= 600; ++i) {
        const float v = -0.1f + 1.3f * float(i) / 600.0f;
        add(v, v, v);
    }
    const float levels[] = {-0.05f, 0.0f, 0.1f, 0.3f, 0.45f, 0.6f, 0.8f, 1.0f, 1.1f};
    for (float a : levels)
        for (float b : levels)
            for (float c : levels) add(a, b, c);
    return px;
}

std::vector<float> onCpu(const OCIO::ConstProcessorRcPtr& processor, std::vector<float> px) {
    OCIO::PackedImageDesc image(px.data(), long(px.size() / 4), 1, 4);
    processor->getDefaultCPUProcessor()->apply(image);
    for (float& v : px) v = sanitized(v);  // the kernel's documented NaN/Inf policy on its output
    return px;
}

std::vector<std::string> displays() {
    const auto& config = *shippedConfig().config;
    std::vector<std::string> out;
    for (int d = 0; d < config.getNumDisplays(); ++d) out.push_back(config.getDisplay(d));
    return out;
}

std::vector<std::string> cameraEncodings() {
    const auto& config = *shippedConfig().config;
    std::vector<std::string> out;
    for (int i = 0; i < config.getNumColorSpaces(OCIO::SEARCH_REFERENCE_SPACE_SCENE, OCIO::COLORSPACE_ALL); ++i) {
        const char* name = config.getColorSpaceNameByIndex(OCIO::SEARCH_REFERENCE_SPACE_SCENE, OCIO::COLORSPACE_ALL, i);
        if (std::string(config.getColorSpace(name)->getFamily()).find("Camera") != std::string::npos) out.push_back(name);
    }
    return out;
}

void expectGpuMatchesCpu(const std::string& source, const std::string& display, const std::string& view,
                         const std::vector<float>& pixels) {
    auto t = OCIO::DisplayViewTransform::Create();
    t->setSrc(source.c_str());
    t->setDisplay(display.c_str());
    t->setView(view.c_str());
    const auto processor = shippedConfig().config->getProcessor(t);
    const auto gpu = runOnGpu({sharedOcioGpuStep(processor, display + " / " + view)}, pixels);
    const auto cpu = onCpu(processor, pixels);
    const auto err = maxScaledError(gpu, cpu);
    const size_t p = err.pixel * 4;
    EXPECT_LE(err.error, kDisplayTolerance) << source << " -> " << display << " / " << view << ": pixel " << err.pixel
                                            << " in (" << pixels[p] << ", " << pixels[p + 1] << ", " << pixels[p + 2]
                                            << ") gpu (" << gpu[p] << ", " << gpu[p + 1] << ", " << gpu[p + 2] << ") cpu ("
                                            << cpu[p] << ", " << cpu[p + 1] << ", " << cpu[p + 2] << ")";
}

// One test per display, so ctest spreads the displays over the cores.
class DisplayViewGpuTest : public GpuFixture, public ::testing::WithParamInterface<std::string> {};

}  // namespace

// Every view of the display from ACEScg (scene-linear up to 100); and, on an SDR and an HDR
// display (sRGB, Rec.2100-PQ), every camera encoding through the default view. A display/view
// processor is the source's decoding followed by the view and display transforms: the ACEScg runs
// cover every view transform of every display, the camera runs every camera decoding into both an
// SDR and an HDR output. (The full cross product, 336 kernels, costs lavapipe about 9 minutes of
// LLVM compilation when its shader cache is cold, as on a fresh CI machine; this is 56.)
TEST_P(DisplayViewGpuTest, MatchesOcioCpu) {
    const std::string display = GetParam();
    const auto& config = *shippedConfig().config;
    const auto linear = linearProbePixels();
    for (int v = 0; v < config.getNumViews(display.c_str()); ++v)
        expectGpuMatchesCpu("ACEScg", display, config.getView(display.c_str(), v), linear);
    const auto codes = codeValueProbePixels();
    const auto cameras = cameraEncodings();
    ASSERT_FALSE(cameras.empty()) << "no camera encodings (family containing 'Camera') in the config";
    if (display != "sRGB" && display != "Rec.2100-PQ") return;
    for (const auto& camera : cameras) expectGpuMatchesCpu(camera, display, config.getDefaultView(display.c_str()), codes);
}

INSTANTIATE_TEST_SUITE_P(ShippedConfig, DisplayViewGpuTest, ::testing::ValuesIn(displays()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                             std::string name;
                             for (char c : info.param) name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
                             return name;
                         });
