// The station's window formats as a person gets them: HDR10 asked for where the display does not
// offer it must stop with the reason, and a 10-bit SDR window (what lavapipe offers on a depth-30 X
// screen) must show and capture the viewer at 10 bits.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "tests/gui/StationHarness.h"

namespace tinct::test {
namespace {

std::string readText(const std::string& path) {
    std::ifstream in(path);
    return std::string((std::istreambuf_iterator<char>(in)), {});
}

TEST(Station, Hdr10IsRefusedWhereTheDisplayDoesNotOfferIt) {
    // Lavapipe under Xvfb offers no HDR10 colour space: asked for, the station must stop and say what
    // there is instead of showing an SDR window.
    TempDir dir;
    EXPECT_EQ(runStation("--sample-width 160 --sample-height 90 --hdr10 --frames 1 --screenshot shot.png", dir, false), 1);
    const std::string log = readText(dir.file("station.log"));
    EXPECT_NE(log.find("tinct: error: an HDR10 window was asked for"), std::string::npos) << log;
    EXPECT_NE(log.find("the window's surface offers"), std::string::npos) << log;
    EXPECT_NE(log.find("B8G8R8A8_UNORM / SRGB_NONLINEAR"), std::string::npos) << log;
    EXPECT_EQ(log.find("validation"), std::string::npos) << log;
    EXPECT_FALSE(std::filesystem::exists(dir.file("shot.png")));
}

TEST(Station, TenBitWindowShowsTheViewerAtTenBitsAndCapturesIt) {
    // On a depth-30 X screen lavapipe offers only A2R10G10B10_UNORM_PACK32 (sRGB colour space), so
    // the station packs 10 bits a channel and the screenshot unpacks them. Through the Raw view the
    // display values are the file's; the screenshot must hold round(round(v * 1023) * 255 / 1023),
    // which for these values differs from the 8-bit path's round(v * 255) (29, 75, 152) in every channel.
    TempDir dir;
    const std::array<float, 3> source{0.1118f, 0.2958f, 0.5979f};
    writeFlatExr(dir.file("flat.exr"), source);
    ASSERT_EQ(runStation("flat.exr --input-colorspace Raw --display sRGB --view Raw --screenshot shot.png --frames 2", dir, true, {kWindowW, kWindowH, 30}),
              0);
    const Png png = readPng(dir.file("shot.png"));
    ASSERT_EQ(png.width, kWindowW);
    const auto shown = png.at(120, 140);
    for (int c = 0; c < 3; ++c) {
        const long tenBit = std::lround(double(source[size_t(c)]) * 1023.0);
        EXPECT_EQ(shown[size_t(c)], std::lround(double(tenBit) * 255.0 / 1023.0)) << "channel " << c;
    }
    EXPECT_EQ(shown, (std::array<int, 3>{28, 76, 153}));

    // The same window through an ACES view: OCIO's CPU processor is the oracle, within 2 code values
    // of 255 as in the 8-bit test (OCIO's GPU shader against its CPU path, and the rounding of each).
    writeFlatExr(dir.file("aces.exr"), {0.18f, 0.12f, 0.06f});
    ASSERT_EQ(runStation("aces.exr --input-colorspace ACES2065-1 --display sRGB --screenshot aces.png --frames 2", dir, true, {kWindowW, kWindowH, 30}),
              0);
    const auto expected = expectedDisplay({0.18f, 0.12f, 0.06f}, std::nullopt);
    const auto aces = readPng(dir.file("aces.png")).at(120, 140);
    for (int c = 0; c < 3; ++c) EXPECT_NEAR(aces[size_t(c)], code(expected[size_t(c)]), 2) << "channel " << c;
}

}  // namespace
}  // namespace tinct::test
