// Colour flags of `tinct render` and `tinct colorspaces`, as a user runs them.
#include <gtest/gtest.h>

#include <ImfChromaticitiesAttribute.h>
#include <ImfStandardAttributes.h>

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "tests/support/ExrOracle.h"
#include "tests/support/LutConfig.h"
#include "tests/support/OcioOracle.h"
#include "tests/support/RunTinct.h"
#include "tests/support/TempDir.h"
#include "tests/support/TestPixels.h"

namespace OCIO = OCIO_NAMESPACE;
using namespace tinct::test;

namespace {

const std::string kConfig = TINCT_SOURCE_DIR "/luts/config.ocio";

// A 64-pixel-wide frame of probe colours tagged with AP0 chromaticities (ACES2065-1).
std::string writeAcesFrame(const TempDir& dir, bool tagged = true) {
    auto px = colourProbePixels(false);
    const int width = 64, height = int(px.size() / 4 / width);
    px.resize(size_t(width) * height * 4);
    Imf::Header h(width, height);
    if (tagged)
        Imf::addChromaticities(h, Imf::Chromaticities({0.7347f, 0.2653f}, {0.0f, 1.0f}, {0.0001f, -0.077f}, {0.32168f, 0.33767f}));
    const std::string path = dir.file(tagged ? "aces.exr" : "untagged.exr");
    writeExrWithOpenExr(path, h, px);
    return path;
}

}  // namespace

TEST(ColorCommand, AutoInputToADisplayMatchesOcioAndRetagsTheOutput) {
    TempDir dir;
    const std::string in = writeAcesFrame(dir);
    const auto r = runTinct({"render", "-i", in, "-o", dir.file("out.exr"), "--config", kConfig, "--input-colorspace",
                             "auto", "--display", "sRGB", "--view", "ACES 1.0 - SDR Video", "--pixel-type", "float"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.err.find("input colour space ACES2065-1"), std::string::npos) << r.err;
    const ExrPixels source = readExrWithOpenExr(in), out = readExrWithOpenExr(dir.file("out.exr"));
    // No grade: ACES2065-1 -> display as one processor; the display bar is 2e-4 as in
    // DisplayViewGpuTest.
    const auto err = maxRgbError(out.rgba, ocioDisplayReference(kConfig, "ACES2065-1", "sRGB", "ACES 1.0 - SDR Video", source.rgba));
    EXPECT_LE(err.error, 2e-4) << "pixel " << err.pixel;
    ASSERT_TRUE(Imf::hasChromaticities(out.header));
    EXPECT_FLOAT_EQ(Imf::chromaticities(out.header).red.x, 0.64f);  // sRGB display: Rec.709 primaries
}

// A working space that clamps the input's values is said once, naming both spaces and a value lost.
TEST(ColorCommand, AWorkingSpaceThatLosesValuesIsSaidOnce) {
    TempDir dir;
    const std::string in = writeAcesFrame(dir), config = writeClampingLutConfig(dir);
    const auto r = runTinct({"render", "-i", in, "-o", dir.file("out.exr"), "--config", config, "--input-colorspace",
                             "linear", "--display", "sRGB"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const std::string warning = "tinct: warning: the working space lutlog cannot hold all of the input linear's values (-0.05";
    const size_t at = r.err.find(warning);
    EXPECT_NE(at, std::string::npos) << r.err;
    EXPECT_EQ(r.err.find(warning, at + 1), std::string::npos) << r.err;
}

TEST(ColorCommand, NoColourFlagsConvertNothing) {
    TempDir dir;
    const std::string in = writeAcesFrame(dir);
    const auto r = runTinct({"render", "-i", in, "-o", dir.file("out.exr"), "--pixel-type", "float"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const ExrPixels source = readExrWithOpenExr(in), out = readExrWithOpenExr(dir.file("out.exr"));
    EXPECT_EQ(maxRgbError(out.rgba, source.rgba).error, 0.0);
    EXPECT_FLOAT_EQ(Imf::chromaticities(out.header).red.x, 0.7347f);  // still the source's
}

TEST(ColorCommand, UntaggedExrIsRec709AndTheChoiceIsSaid) {
    TempDir dir;
    const std::string in = writeAcesFrame(dir, false);
    const auto r = runTinct({"render", "-i", in, "-o", dir.file("out.exr"), "--config", kConfig,
                             "--output-colorspace", "ACEScg"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.err.find("Linear Rec.709 (sRGB)"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("no chromaticities"), std::string::npos) << r.err;
    const ExrPixels out = readExrWithOpenExr(dir.file("out.exr"));
    EXPECT_NEAR(Imf::chromaticities(out.header).red.x, 0.713f, 1e-6);  // AP1
}

TEST(ColorCommand, UnknownNamesListCloseMatches) {
    TempDir dir;
    const std::string in = writeAcesFrame(dir);
    struct Case {
        std::vector<std::string> flags;
        std::string mustSay;
    };
    const std::vector<Case> cases = {
        {{"--input-colorspace", "ACEScgg"}, "'ACEScg'"},
        {{"--display", "sRBG"}, "'sRGB'"},
        {{"--display", "sRGB", "--view", "ACES SDR"}, "ACES 1.0 - SDR Video"},
        {{"--output-colorspace", "ACEScg", "--look", "gamut compress"}, "Gamut Compression"},
    };
    for (const auto& c : cases) {
        std::vector<std::string> args = {"render", "-i", in, "-o", dir.file("out/x.exr"), "--config", kConfig};
        args.insert(args.end(), c.flags.begin(), c.flags.end());
        const auto r = runTinct(args);
        EXPECT_EQ(r.exitCode, 1) << r.err;
        EXPECT_NE(r.err.find(c.mustSay), std::string::npos) << r.err;
        EXPECT_TRUE(dir.entries() == std::vector<std::string>({"aces.exr"}) ||
                    dir.entries() == std::vector<std::string>({"aces.exr", "out"}));
    }
}

TEST(ColorCommand, BadConfigsGetClearErrors) {
    TempDir dir;
    const std::string in = writeAcesFrame(dir);
    std::ofstream(dir.file("broken.ocio")) << "ocio_profile_version: 2.1\nroles: [this is: not: yaml\n";
    std::ofstream(dir.file("missing_lut.ocio")) << R"(ocio_profile_version: 2
search_path: luts
roles:
  default: linear
  scene_linear: linear
displays:
  sRGB:
    - !<View> {name: Raw, colorspace: linear}
colorspaces:
  - !<ColorSpace>
    name: linear
  - !<ColorSpace>
    name: graded
    from_scene_reference: !<FileTransform> {src: no_such_lut.cube}
)";
    struct Case {
        std::vector<std::string> flags;
        std::string mustSay;
    };
    const std::vector<Case> cases = {
        {{"--config", dir.file("absent.ocio"), "--input-colorspace", "raw"}, "absent.ocio"},
        {{"--config", dir.file("broken.ocio"), "--input-colorspace", "raw"}, "broken.ocio"},
        {{"--config", dir.file("missing_lut.ocio"), "--input-colorspace", "linear", "--output-colorspace", "graded"},
         "no_such_lut.cube"},
    };
    for (const auto& c : cases) {
        std::vector<std::string> args = {"render", "-i", in, "-o", dir.file("x.exr")};
        args.insert(args.end(), c.flags.begin(), c.flags.end());
        const auto r = runTinct(args);
        EXPECT_EQ(r.exitCode, 1) << r.err;
        EXPECT_NE(r.err.find(c.mustSay), std::string::npos) << r.err;
        EXPECT_FALSE(std::filesystem::exists(dir.file("x.exr")));
    }
    // The OCIO environment variable is honoured when --config is absent.
    const auto env = runTinct({"colorspaces"}, {"OCIO=" + dir.file("absent.ocio")});
    EXPECT_EQ(env.exitCode, 1);
    EXPECT_NE(env.err.find("OCIO environment variable"), std::string::npos) << env.err;
}

TEST(ColorspacesCommand, ListsTheShippedConfig) {
    const auto r = runTinct({"colorspaces", "--json"}, {"OCIO="});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["source"], "the default");
    EXPECT_EQ(j["roles"]["color_timing"], "ACEScct");
    bool sRGB = false;
    for (const auto& d : j["displays"]) sRGB |= d["name"] == "sRGB";
    EXPECT_TRUE(sRGB);
    const auto text = runTinct({"colorspaces"}, {"OCIO="});
    EXPECT_NE(text.out.find("ACEScg"), std::string::npos);
}
