// luts/config.ocio, Tinct's default OCIO config: it loads and validates, has every colour space,
// display, view, look and role it promises, every transform in it builds, ociocheck accepts it, and
// a few published values hold. CPU only (OCIO's CPU processor); no GPU.
#include <gtest/gtest.h>

#include <OpenColorIO/OpenColorIO.h>

#include <sys/wait.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <set>
#include <string>
#include <vector>

namespace OCIO = OCIO_NAMESPACE;

namespace {

const std::string kConfigPath = TINCT_SOURCE_DIR "/luts/config.ocio";

using Rgb = std::array<float, 3>;

OCIO::ConstConfigRcPtr loadConfig() { return OCIO::Config::CreateFromFile(kConfigPath.c_str()); }

Rgb applyCpu(const OCIO::ConstProcessorRcPtr& processor, Rgb rgb) {
    processor->getDefaultCPUProcessor()->applyRGB(rgb.data());
    return rgb;
}

Rgb convert(const OCIO::ConstConfigRcPtr& config, const char* src, const char* dst, Rgb rgb) {
    return applyCpu(config->getProcessor(src, dst), rgb);
}

Rgb displayView(const OCIO::ConstConfigRcPtr& config, const char* src, const char* display, const char* view,
                Rgb rgb) {
    auto t = OCIO::DisplayViewTransform::Create();
    t->setSrc(src);
    t->setDisplay(display);
    t->setView(view);
    return applyCpu(config->getProcessor(t), rgb);
}

Rgb grey(float v) { return {v, v, v}; }

// Each channel of `actual` within `tolerance` of `expected`; streams like any assertion.
::testing::AssertionResult rgbNear(const Rgb& actual, const Rgb& expected, double tolerance) {
    for (int c = 0; c < 3; ++c)
        if (!(std::fabs(static_cast<double>(actual[c]) - expected[c]) <= tolerance))
            return ::testing::AssertionFailure()
                   << "got (" << actual[0] << ", " << actual[1] << ", " << actual[2] << "), expected (" << expected[0]
                   << ", " << expected[1] << ", " << expected[2] << ") within " << tolerance << " (channel " << c
                   << ")";
    return ::testing::AssertionSuccess();
}

#define EXPECT_RGB_NEAR(actual, expected, tolerance) EXPECT_TRUE(rgbNear((actual), (expected), (tolerance)))

const std::vector<std::string> kSceneColourSpaces = {
    "ACES2065-1",
    "ACEScg",
    "ACEScct",
    "ACEScc",
    "Linear Rec.709 (sRGB)",
    "Linear P3-D65",
    "Linear Rec.2020",
    "sRGB - Texture",
    "Rec.1886 Rec.709 - Video",
    "ARRI LogC3 (EI800) - AWG",
    "Sony S-Log3 - S-Gamut3",
    "Sony S-Log3 - S-Gamut3.Cine",
    "RED Log3G10 - REDWideGamutRGB",
    "Canon CLog2 - CGamut",
    "Canon CLog3 - CGamut",
    "Panasonic V-Log - V-Gamut",
    "ADX10",
    "ADX16",
    "Cineon Printing Density Log",
    "Raw",
};

const std::vector<std::string> kDisplayColourSpaces = {
    "CIE-XYZ-D65",           "sRGB - Display",          "Rec.1886 Rec.709 - Display", "P3-D65 - Display",
    "P3-DCI - Display",      "Rec.2100-PQ - Display",   "ST2084-P3-D65 - Display",    "Rec.2100-HLG - Display",
};

struct DisplayViews {
    std::string display;
    std::vector<std::string> views;  // in order; the first is the display's default
};

const std::vector<DisplayViews> kDisplays = {
    {"sRGB", {"ACES 1.0 - SDR Video", "ACES 1.0 - SDR Video (D60 sim on D65)", "Un-tone-mapped", "Log", "Raw"}},
    {"Rec.1886 Rec.709",
     {"ACES 1.0 - SDR Video", "ACES 1.0 - SDR Video (D60 sim on D65)", "Un-tone-mapped", "Log", "Raw"}},
    {"P3-D65",
     {"ACES 1.0 - SDR Cinema", "ACES 1.0 - SDR Video", "ACES 1.1 - SDR Cinema (D60 sim on D65)",
      "ACES 1.1 - SDR Cinema (Rec.709 lim)", "Un-tone-mapped", "Log", "Raw"}},
    {"P3-DCI",
     {"ACES 1.1 - SDR Cinema (D65 sim on DCI)", "ACES 1.0 - SDR Video", "ACES 1.0 - SDR Cinema (D60 sim on DCI)",
      "Un-tone-mapped", "Log", "Raw"}},
    {"Rec.2100-PQ",
     {"ACES 1.1 - HDR Video (1000 nits & Rec.2020 lim)", "ACES 1.1 - HDR Video (1000 nits & P3 lim)",
      "ACES 1.1 - HDR Video (2000 nits & Rec.2020 lim)", "ACES 1.1 - HDR Video (4000 nits & Rec.2020 lim)",
      "Un-tone-mapped", "Log", "Raw"}},
    {"ST2084-P3-D65",
     {"ACES 1.1 - HDR Video (1000 nits & P3 lim)", "ACES 1.1 - HDR Video (2000 nits & P3 lim)",
      "ACES 1.1 - HDR Video (4000 nits & P3 lim)", "ACES 1.1 - HDR Cinema (108 nits & P3 lim)", "Un-tone-mapped",
      "Log", "Raw"}},
    {"Rec.2100-HLG",
     {"ACES 1.1 - HDR Video (1000 nits & Rec.2020 lim)", "ACES 1.1 - HDR Video (1000 nits & P3 lim)",
      "Un-tone-mapped", "Log", "Raw"}},
};

const std::vector<std::string> kLooks = {"ACES 1.3 Reference Gamut Compression", "ACES 1.0 Blue Light Artifact Fix"};

}  // namespace

TEST(ShippedConfig, LoadsAndValidates) {
    OCIO::ConstConfigRcPtr config;
    ASSERT_NO_THROW(config = loadConfig()) << kConfigPath;
    ASSERT_TRUE(config);
    EXPECT_NO_THROW(config->validate());
    EXPECT_EQ(config->getMajorVersion(), 2u);
    EXPECT_EQ(config->getMinorVersion(), 1u);
    EXPECT_NE(std::string(config->getDescription()).find("Tinct"), std::string::npos);
}

TEST(ShippedConfig, HasEveryColourSpaceWithItsReferenceAndEncoding) {
    const auto config = loadConfig();
    for (const auto& name : kSceneColourSpaces) {
        const auto cs = config->getColorSpace(name.c_str());
        ASSERT_TRUE(cs) << name;
        EXPECT_STREQ(cs->getName(), name.c_str()) << "matched through an alias, not the name";
        EXPECT_EQ(cs->getReferenceSpaceType(), OCIO::REFERENCE_SPACE_SCENE) << name;
        EXPECT_STRNE(cs->getFamily(), "") << name;
        EXPECT_STRNE(cs->getDescription(), "") << name;
        EXPECT_STRNE(cs->getEncoding(), "") << name;
        EXPECT_EQ(cs->isData(), name == "Raw") << name;
    }
    for (const auto& name : kDisplayColourSpaces) {
        const auto cs = config->getColorSpace(name.c_str());
        ASSERT_TRUE(cs) << name;
        EXPECT_EQ(cs->getReferenceSpaceType(), OCIO::REFERENCE_SPACE_DISPLAY) << name;
        EXPECT_STRNE(cs->getEncoding(), "") << name;
    }
    const std::vector<std::pair<std::string, std::string>> encodings = {
        {"ACES2065-1", "scene-linear"}, {"ACEScg", "scene-linear"}, {"ACEScct", "log"},
        {"Linear Rec.2020", "scene-linear"}, {"sRGB - Texture", "sdr-video"}, {"Rec.1886 Rec.709 - Video", "sdr-video"},
        {"ARRI LogC3 (EI800) - AWG", "log"}, {"ADX10", "log"}, {"Cineon Printing Density Log", "log"}, {"Raw", "data"},
        {"CIE-XYZ-D65", "display-linear"}, {"sRGB - Display", "sdr-video"}, {"Rec.2100-PQ - Display", "hdr-video"},
        {"Rec.2100-HLG - Display", "hdr-video"},
    };
    for (const auto& [name, encoding] : encodings)
        EXPECT_EQ(config->getColorSpace(name.c_str())->getEncoding(), encoding) << name;
}

TEST(ShippedConfig, AliasesResolve) {
    const auto config = loadConfig();
    const std::vector<std::pair<std::string, std::string>> aliases = {
        {"aces2065_1", "ACES2065-1"},
        {"acescg", "ACEScg"},
        {"acescct", "ACEScct"},
        {"acescc", "ACEScc"},
        {"lin_rec709", "Linear Rec.709 (sRGB)"},
        {"lin_p3d65", "Linear P3-D65"},
        {"lin_rec2020", "Linear Rec.2020"},
        {"srgb_tx", "sRGB - Texture"},
        {"rec1886_rec709_video", "Rec.1886 Rec.709 - Video"},
        {"logc3ei800_awg", "ARRI LogC3 (EI800) - AWG"},
        {"slog3_sgamut3", "Sony S-Log3 - S-Gamut3"},
        {"slog3_sgamutcine", "Sony S-Log3 - S-Gamut3.Cine"},
        {"log3g10_rwg", "RED Log3G10 - REDWideGamutRGB"},
        {"clog2_cgamut", "Canon CLog2 - CGamut"},
        {"clog3_cgamut", "Canon CLog3 - CGamut"},
        {"vlog_vgamut", "Panasonic V-Log - V-Gamut"},
        {"adx10", "ADX10"},
        {"adx16", "ADX16"},
        {"cineon_log", "Cineon Printing Density Log"},
        {"cie_xyz_d65", "CIE-XYZ-D65"},
    };
    for (const auto& [alias, name] : aliases) {
        const auto cs = config->getColorSpace(alias.c_str());
        ASSERT_TRUE(cs) << alias;
        EXPECT_EQ(cs->getName(), name) << alias;
    }
}

TEST(ShippedConfig, HasEveryDisplayAndViewInOrder) {
    const auto config = loadConfig();
    std::vector<std::string> displays;
    for (int i = 0; i < config->getNumDisplays(); ++i) displays.emplace_back(config->getDisplay(i));
    std::vector<std::string> expected;
    for (const auto& d : kDisplays) expected.push_back(d.display);
    EXPECT_EQ(displays, expected);
    EXPECT_STREQ(config->getDefaultDisplay(), "sRGB");
    for (const auto& d : kDisplays) {
        std::vector<std::string> views;
        for (int i = 0; i < config->getNumViews(d.display.c_str()); ++i)
            views.emplace_back(config->getView(d.display.c_str(), i));
        EXPECT_EQ(std::set<std::string>(views.begin(), views.end()),
                  std::set<std::string>(d.views.begin(), d.views.end()))
            << d.display;
        EXPECT_EQ(views, d.views) << d.display << " (order: active_views)";
        EXPECT_EQ(config->getDefaultView(d.display.c_str()), d.views.front()) << d.display;
    }
}

TEST(ShippedConfig, HasLooksAndRoles) {
    const auto config = loadConfig();
    ASSERT_EQ(config->getNumLooks(), static_cast<int>(kLooks.size()));
    for (const auto& name : kLooks) {
        const auto look = config->getLook(name.c_str());
        ASSERT_TRUE(look) << name;
        EXPECT_STREQ(look->getProcessSpace(), "ACES2065-1") << name;
        EXPECT_TRUE(look->getTransform()) << name;
    }
    const std::vector<std::pair<std::string, std::string>> roles = {
        {OCIO::ROLE_SCENE_LINEAR, "ACEScg"},
        {OCIO::ROLE_RENDERING, "ACEScg"},
        {OCIO::ROLE_COLOR_TIMING, "ACEScct"},
        {OCIO::ROLE_COMPOSITING_LOG, "ACEScct"},
        {OCIO::ROLE_DATA, "Raw"},
        {OCIO::ROLE_DEFAULT, "ACES2065-1"},
        {OCIO::ROLE_REFERENCE, "ACES2065-1"},
        {OCIO::ROLE_INTERCHANGE_SCENE, "ACES2065-1"},
        {OCIO::ROLE_INTERCHANGE_DISPLAY, "CIE-XYZ-D65"},
        {OCIO::ROLE_COLOR_PICKING, "sRGB - Texture"},
        {OCIO::ROLE_TEXTURE_PAINT, "sRGB - Texture"},
        {OCIO::ROLE_MATTE_PAINT, "sRGB - Texture"},
    };
    for (const auto& [role, space] : roles) {
        ASSERT_TRUE(config->hasRole(role.c_str())) << role;
        EXPECT_STREQ(config->getColorSpace(role.c_str())->getName(), space.c_str()) << role;
    }
    // The file rules end in a Default rule naming the scene reference.
    const auto rules = config->getFileRules();
    ASSERT_GE(rules->getNumEntries(), 1u);
    EXPECT_STREQ(rules->getName(rules->getNumEntries() - 1), OCIO::FileRules::DefaultRuleName);
    EXPECT_STREQ(rules->getColorSpace(rules->getNumEntries() - 1), "ACES2065-1");
}

TEST(ShippedConfig, EveryDisplayViewBuildsFromAcescg) {
    const auto config = loadConfig();
    for (int d = 0; d < config->getNumDisplays(); ++d) {
        const char* display = config->getDisplay(d);
        for (int v = 0; v < config->getNumViews(display); ++v) {
            const char* view = config->getView(display, v);
            Rgb out{};
            ASSERT_NO_THROW(out = displayView(config, "ACEScg", display, view, {0.18f, 0.1f, 0.05f}))
                << display << " / " << view;
            for (float c : out) EXPECT_TRUE(std::isfinite(c)) << display << " / " << view;
        }
    }
}

TEST(ShippedConfig, EveryColourSpaceBuildsFromAcescg) {
    const auto config = loadConfig();
    const int n = config->getNumColorSpaces(OCIO::SEARCH_REFERENCE_SPACE_ALL, OCIO::COLORSPACE_ALL);
    EXPECT_EQ(n, static_cast<int>(kSceneColourSpaces.size() + kDisplayColourSpaces.size()));
    for (int i = 0; i < n; ++i) {
        const char* name = config->getColorSpaceNameByIndex(OCIO::SEARCH_REFERENCE_SPACE_ALL, OCIO::COLORSPACE_ALL, i);
        Rgb out{};
        ASSERT_NO_THROW(out = convert(config, "ACEScg", name, {0.18f, 0.1f, 0.05f})) << name;
        for (float c : out) EXPECT_TRUE(std::isfinite(c)) << name;
    }
}

TEST(ShippedConfig, LooksApplyFromAcescg) {
    const auto config = loadConfig();
    for (const auto& look : kLooks) {
        auto t = OCIO::LookTransform::Create();
        t->setSrc("ACEScg");
        t->setDst("ACEScg");
        t->setLooks(look.c_str());
        Rgb out{};
        ASSERT_NO_THROW(out = applyCpu(config->getProcessor(t), {0.18f, 0.18f, 0.18f})) << look;
        // Both LMTs leave neutrals alone (their compression acts on distance from the achromatic
        // axis / on blue saturation only); float matrix round trips through AP0 cost ~1e-7.
        EXPECT_RGB_NEAR(out, grey(0.18f), 1e-5);
    }
    // The gamut compression pulls an out-of-AP1 value (negative ACEScg blue) back towards the gamut.
    auto t = OCIO::LookTransform::Create();
    t->setSrc("ACEScg");
    t->setDst("ACEScg");
    t->setLooks("ACES 1.3 Reference Gamut Compression");
    const Rgb out = applyCpu(config->getProcessor(t), {0.5f, 0.2f, -0.05f});
    EXPECT_GT(out[2], -0.05f);
}

TEST(ShippedConfig, OciocheckPasses) {
    if (std::system("command -v ociocheck > /dev/null 2>&1") != 0) GTEST_SKIP() << "ociocheck is not on PATH";
    const std::string command = "ociocheck --iconfig '" + kConfigPath + "' > /dev/null 2>&1";
    const int status = std::system(command.c_str());
    ASSERT_NE(status, -1);
    ASSERT_TRUE(WIFEXITED(status)) << command;
    EXPECT_EQ(WEXITSTATUS(status), 0) << command;
}

// ---- Published values. Each expectation is computed here from the published definition, not read
// back from OCIO; OCIO evaluates in float32, so no tolerance is tighter than a few float ulps.

TEST(ShippedConfig, AcescctOfMidGreyIsPublished) {
    // ACES S-2016-001: ACEScct = (log2(lin) + 9.72) / 17.52 above the toe; 0.18 -> 0.4135884.
    const double expected = (std::log2(0.18) + 9.72) / 17.52;
    ASSERT_NEAR(expected, 0.4135884, 1e-7);
    const auto config = loadConfig();
    // 1e-6: float32 log2 plus the AP1 -> AP0 -> AP1 matrix round trip (~1e-7 relative).
    EXPECT_RGB_NEAR(convert(config, "ACEScg", "ACEScct", grey(0.18f)), grey(static_cast<float>(expected)), 1e-6);
    EXPECT_RGB_NEAR(convert(config, "ACEScct", "ACEScg", grey(static_cast<float>(expected))), grey(0.18f), 1e-6);
}

TEST(ShippedConfig, Ap0ToAp1MatrixIsPublished) {
    // ACES S-2014-004 (ACEScg), AP0 -> AP1 matrix, first column.
    const auto config = loadConfig();
    // 1e-6: values near 1.45 carry float32 rounding of ~1.2e-7; the matrix is published to 10 digits.
    EXPECT_RGB_NEAR(convert(config, "ACES2065-1", "ACEScg", {1.f, 0.f, 0.f}),
                    (Rgb{1.4514393161f, -0.0765537734f, 0.0083161484f}), 1e-6);
}

namespace {

// ACES 1.0 mid grey, from the CTL (aces-dev v1.0.3, RRT.ctl, ODT.Academy.*_100nits_dim.ctl): the RRT
// spline maps 0.18 to its mid point 4.8 cd/m2 (segmented_spline_c5 midPoint), the 48-nit ODT spline
// keeps 4.8 (segmented_spline_c9 midPoint), Y_2_linCV gives (4.8 - 0.02) / (48 - 0.02), and the dim
// surround ODTs raise Y to DIM_SURROUND_GAMMA 0.9811. Neutrals stay neutral through the chain.
double acesSdrVideoMidGreyY() { return std::pow((4.8 - 0.02) / (48.0 - 0.02), 0.9811); }

double srgbEncode(double y) { return y <= 0.0031308 ? 12.92 * y : 1.055 * std::pow(y, 1.0 / 2.4) - 0.055; }

}  // namespace

TEST(ShippedConfig, AcesSdrVideoMidGreyIsPublished) {
    const auto config = loadConfig();
    const double y = acesSdrVideoMidGreyY();  // 0.10406 of 100 nits
    // sRGB display (piecewise sRGB encode, as ODT.Academy.sRGB_100nits_dim): 0.3560.
    const double srgb = srgbEncode(y);
    // Rec.1886 Rec.709 display (gamma 2.4, as ODT.Academy.Rec709_100nits_dim): 0.3895. The "about
    // 0.39" often quoted for ACES mid grey is this gamma 2.4 value; sRGB's piecewise curve gives less.
    const double rec709 = std::pow(y, 1.0 / 2.4);
    ASSERT_NEAR(srgb, 0.3560, 1e-3);
    ASSERT_NEAR(rec709, 0.3895, 1e-3);
    // 2e-5: the RRT and ODT splines pass through their mid points by construction (OCIO's built-in
    // matches this derivation to 1e-7); the rest allows float32 spline, matrix and pow evaluation.
    // Either way far tighter than the 0.034 between the two encodings.
    EXPECT_RGB_NEAR(displayView(config, "ACES2065-1", "sRGB", "ACES 1.0 - SDR Video", grey(0.18f)),
                    grey(static_cast<float>(srgb)), 2e-5);
    EXPECT_RGB_NEAR(displayView(config, "ACES2065-1", "Rec.1886 Rec.709", "ACES 1.0 - SDR Video", grey(0.18f)),
                    grey(static_cast<float>(rec709)), 2e-5);
}

TEST(ShippedConfig, AcesHdrVideoMidGreyIs15Nits) {
    // ACES 1.1 HDR output transforms (RRT + ODT.Academy.Rec2020_1000nits_15nits_ST2084): 0.18 -> 15
    // cd/m2, encoded with the SMPTE ST 2084 inverse EOTF (constants from the standard).
    const double m1 = 2610.0 / 16384, m2 = 2523.0 / 4096 * 128, c1 = 3424.0 / 4096, c2 = 2413.0 / 4096 * 32,
                 c3 = 2392.0 / 4096 * 32;
    const double yp = std::pow(15.0 / 10000.0, m1);
    const double pq = std::pow((c1 + c2 * yp) / (1 + c3 * yp), m2);  // 0.33259
    const auto config = loadConfig();
    // 2e-4 (0.2 of a 10-bit code): the SSTS mid point is exact in the CTL; the float PQ curve and
    // matrices in OCIO cost ~1e-5.
    EXPECT_RGB_NEAR(
        displayView(config, "ACES2065-1", "Rec.2100-PQ", "ACES 1.1 - HDR Video (1000 nits & Rec.2020 lim)", grey(0.18f)),
        grey(static_cast<float>(pq)), 2e-4);
    EXPECT_RGB_NEAR(
        displayView(config, "ACES2065-1", "ST2084-P3-D65", "ACES 1.1 - HDR Video (1000 nits & P3 lim)", grey(0.18f)),
        grey(static_cast<float>(pq)), 2e-4);
}

TEST(ShippedConfig, LogC3Ei800MidGreyIsPublished) {
    // ARRI, "ALEXA Log C Curve - Usage in VFX" (2017), EI 800: 18% grey is code value 0.391007.
    // Check the curve alone, then the colour space: AWG -> ACES2065-1 (CAT02 to the ACES white)
    // keeps neutrals neutral.
    // Log C3 EI 800 constants (above the cut 0.010591): a = 5.555556, b = 0.052272, c = 0.247190,
    // d = 0.385537, lin = (10^((code - d) / c) - b) / a.
    const double a = 5.555556, b = 0.052272, c = 0.247190, d = 0.385537;
    const double lin = (std::pow(10.0, (0.391007 - d) / c) - b) / a;
    ASSERT_NEAR(lin, 0.18, 1e-5);
    const auto config = loadConfig();
    // 5e-6: 0.391007 is rounded to 6 digits (slope dlin/dcode = 1.68 at grey, so <= 1e-6) plus
    // float32 log and the AWG -> AP0 matrix (row sums equal 1 to ~1e-7).
    EXPECT_RGB_NEAR(convert(config, "ARRI LogC3 (EI800) - AWG", "ACES2065-1", grey(0.391007f)), grey(0.18f), 5e-6);
}

TEST(ShippedConfig, SLog3MidGreyIsPublished) {
    // Sony, "Technical Summary for S-Gamut3.Cine/S-Log3 and S-Gamut3/S-Log3": 18% grey is 10-bit code
    // 420, i.e. lin = 10^((420 - 420) / 261.5) * (0.18 + 0.01) - 0.01 = 0.18. S-Gamut3(.Cine) ->
    // ACES2065-1 keeps neutrals neutral.
    const auto config = loadConfig();
    // 2e-6: float32 pow and the gamut matrix (row sums equal 1 to ~1e-7).
    EXPECT_RGB_NEAR(convert(config, "Sony S-Log3 - S-Gamut3", "ACES2065-1", grey(420.f / 1023.f)), grey(0.18f), 2e-6);
    EXPECT_RGB_NEAR(convert(config, "Sony S-Log3 - S-Gamut3.Cine", "ACES2065-1", grey(420.f / 1023.f)), grey(0.18f),
                    2e-6);
}

TEST(ShippedConfig, CineonFollowsItsDocumentedFormula) {
    // Formula documented in luts/config.ocio: lin = G * (10^((cv - 685) / 300) - K), cv = 1023 * code,
    // K = 10^((95 - 685) / 300) (black 95 -> 0), G such that LAD 445 -> 0.18 (as ADX10 puts it).
    const double k = std::pow(10.0, (95.0 - 685.0) / 300.0);
    const double g = 0.18 / (std::pow(10.0, (445.0 - 685.0) / 300.0) - k);
    const auto cineon = [&](double cv) { return g * (std::pow(10.0, (cv - 685.0) / 300.0) - k); };
    const auto config = loadConfig();
    // 1e-6: float32 log/pow on values below 1.3.
    EXPECT_RGB_NEAR(convert(config, "Cineon Printing Density Log", "ACES2065-1", grey(445.f / 1023.f)), grey(0.18f),
                    1e-6);
    EXPECT_RGB_NEAR(convert(config, "Cineon Printing Density Log", "ACES2065-1", grey(95.f / 1023.f)), grey(0.f),
                    1e-6);
    for (double cv : {0.0, 200.0, 470.0, 685.0, 1023.0})
        EXPECT_RGB_NEAR(convert(config, "Cineon Printing Density Log", "ACES2065-1", grey(static_cast<float>(cv / 1023))),
                        grey(static_cast<float>(cineon(cv))), 1e-6 * std::max(1.0, cineon(cv)))
            << "code " << cv;
}

TEST(ShippedConfig, Adx10LadIsMidGrey) {
    // SMPTE ST 2065-3 / aces-dev ACEScsc.Academy.ADX10_to_ACES: ADX10 code = 500 * density + 95, and
    // the laboratory aim density (code 445 on all channels) is 18% grey in ACES.
    const auto config = loadConfig();
    // 1e-5: the CTL's density-to-exposure step is a table with linear interpolation (OCIO: a 1D LUT).
    EXPECT_RGB_NEAR(convert(config, "ADX10", "ACES2065-1", grey(445.f / 1023.f)), grey(0.18f), 1e-5);
    // ADX16 code = 8000 * density + 1520: density 0.7 is code 7120.
    EXPECT_RGB_NEAR(convert(config, "ADX16", "ACES2065-1", grey(7120.f / 65535.f)), grey(0.18f), 1e-5);
}

TEST(ShippedConfig, LinearSpacesAgreeWithPublishedPrimaries) {
    // White maps to white and each space's matrices are the published ones: Rec.709 red through
    // CIE-XYZ-D65 is the first column of the IEC 61966-2-1 RGB -> XYZ matrix.
    const auto config = loadConfig();
    // 1e-5: white goes RGB -> XYZ -> AP0 through two float32 matrices with entries up to 1.06.
    for (const char* space : {"Linear Rec.709 (sRGB)", "Linear P3-D65", "Linear Rec.2020"})
        EXPECT_RGB_NEAR(convert(config, space, "ACES2065-1", grey(1.f)), grey(1.f), 1e-5) << space;
    // Scene -> display reference goes through the default view transform (Un-tone-mapped), which is
    // AP0 -> XYZ-D65 (Bradford) only, so this is the plain RGB -> XYZ matrix.
    // 1e-5: the Rec.709 -> AP0 -> XYZ chain is two Bradford matrices composed in float32.
    EXPECT_RGB_NEAR(convert(config, "Linear Rec.709 (sRGB)", "CIE-XYZ-D65", {1.f, 0.f, 0.f}),
                    (Rgb{0.4123908f, 0.2126390f, 0.0193308f}), 1e-5);
    EXPECT_RGB_NEAR(convert(config, "Linear Rec.2020", "CIE-XYZ-D65", {0.f, 1.f, 0.f}),
                    (Rgb{0.1446169f, 0.6779981f, 0.0280727f}), 1e-5);
    // sRGB - Texture decodes with the IEC 61966-2-1 curve: code 0.5 -> 0.2140411.
    EXPECT_RGB_NEAR(convert(config, "sRGB - Texture", "Linear Rec.709 (sRGB)", grey(0.5f)), grey(0.2140411f), 1e-6);
    // Rec.1886 Rec.709 - Video decodes with gamma 2.4: code 0.5 -> 0.5^2.4.
    EXPECT_RGB_NEAR(convert(config, "Rec.1886 Rec.709 - Video", "Linear Rec.709 (sRGB)", grey(0.5f)),
                    grey(static_cast<float>(std::pow(0.5, 2.4))), 1e-6);
}

TEST(ShippedConfig, SceneSpacesRoundTrip) {
    // Every scene-referred space inverts: ACEScg -> space -> ACEScg returns the input.
    const auto config = loadConfig();
    const Rgb colour{0.3f, 0.18f, 0.08f};
    for (const auto& name : kSceneColourSpaces) {
        const Rgb there = convert(config, "ACEScg", name.c_str(), colour);
        const Rgb back = convert(config, name.c_str(), "ACEScg", there);
        // 1e-4: relative float error amplified by log encodings and matrix round trips; the ADX
        // inverse goes through an inverted 1D LUT.
        EXPECT_RGB_NEAR(back, colour, 1e-4) << name;
    }
}
