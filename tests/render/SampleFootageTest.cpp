// The sample chart holds the published numbers: the expected values are worked out here from the
// sources (the Academy's Rec.709 -> AP0 matrix, the sRGB decoding curve, ColorChecker codes), not
// taken from the engine.
#include "engine/render/SampleFootage.h"

#include "engine/Error.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <string>
#include <vector>

namespace tinct::test {
namespace {

using Rgb = std::array<double, 3>;

// Published Rec.709 (D65) -> ACES2065-1 (AP0, D60, Bradford) matrix, ACES 1.0.3 OCIO config.
constexpr double kMatrix[3][3] = {
    {0.4397010, 0.3829780, 0.1773350},
    {0.0897923, 0.8134230, 0.0967616},
    {0.0175440, 0.1115440, 0.8707040},
};

// Values are stored as float; 1e-6 is a few float ulps at the largest patch value compared here.
constexpr double kTolerance = 1e-6;

Rgb toAp0(Rgb c) {
    Rgb out{};
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j) out[i] += kMatrix[i][j] * c[j];
    return out;
}

double srgbDecode(int code) {
    const double v = code / 255.0;
    return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
}

std::map<std::string, Rgb> publishedValues() {
    std::map<std::string, Rgb> v;
    v["grey_black"] = {0, 0, 0};
    const char* names[] = {"-5", "-4", "-3", "-2", "-1", "0", "+1", "+2", "+3", "+4", "+5"};
    const double greys[] = {0.005625, 0.01125, 0.0225, 0.045, 0.09, 0.18, 0.36, 0.72, 1.44, 2.88, 5.76};
    for (int i = 0; i < 11; ++i) v[std::string("grey_") + names[i] + "ev"] = {greys[i], greys[i], greys[i]};
    v["red_75"] = toAp0({0.75, 0, 0});
    v["green_75"] = toAp0({0, 0.75, 0});
    v["blue_75"] = toAp0({0, 0, 0.75});
    v["cyan_75"] = toAp0({0, 0.75, 0.75});
    v["magenta_75"] = toAp0({0.75, 0, 0.75});
    v["yellow_75"] = toAp0({0.75, 0.75, 0});
    const Rgb dark{srgbDecode(115), srgbDecode(82), srgbDecode(68)};     // ColorChecker dark skin
    const Rgb light{srgbDecode(194), srgbDecode(150), srgbDecode(130)};  // ColorChecker light skin
    v["skin_dark"] = toAp0(dark);
    v["skin_light"] = toAp0(light);
    v["skin_medium"] = toAp0({(dark[0] + light[0]) / 2, (dark[1] + light[1]) / 2, (dark[2] + light[2]) / 2});
    v["skin_deep"] = toAp0({dark[0] / 2, dark[1] / 2, dark[2] / 2});
    return v;
}

const float* pixel(const Frame& f, int x, int y) { return f.rgba.data() + (size_t(y) * f.width + x) * 4; }

bool inside(const PixelWindow& w, int x, int y) { return x >= w.xMin && x <= w.xMax && y >= w.yMin && y <= w.yMax; }

PixelWindow regionNamed(int width, int height, const std::string& name) {
    for (const auto& r : sampleRegions(width, height))
        if (r.name == name) return r.window;
    ADD_FAILURE() << "no region " << name;
    return {};
}

class SampleSizes : public ::testing::TestWithParam<std::pair<int, int>> {};

INSTANTIATE_TEST_SUITE_P(Sizes, SampleSizes,
                         ::testing::Values(std::pair{1920, 1080}, std::pair{640, 360}, std::pair{64, 36},
                                           std::pair{333, 517}));

TEST(SampleFootage, PublishedNumbersAsWorkedOutByHand) {
    // The first row of the matrix times 0.75, and the sRGB decoding of code 115, to 7 decimals:
    // guards the test's own arithmetic.
    const Rgb red = toAp0({0.75, 0, 0});
    EXPECT_NEAR(red[0], 0.32977575, 1e-9);
    EXPECT_NEAR(red[1], 0.067344225, 1e-9);
    EXPECT_NEAR(red[2], 0.013158, 1e-9);
    EXPECT_NEAR(srgbDecode(115), 0.1714411, 1e-7);
}

TEST_P(SampleSizes, PatchValuesAreThePublishedNumbers) {
    const auto [w, h] = GetParam();
    const auto expected = publishedValues();
    const auto patches = samplePatches(w, h);
    ASSERT_EQ(patches.size(), expected.size());
    const Frame frame = makeSampleFrame(5, 24, w, h);
    for (const SamplePatch& p : patches) {
        SCOPED_TRACE(p.name);
        ASSERT_TRUE(expected.count(p.name));
        const Rgb& want = expected.at(p.name);
        EXPECT_NEAR(p.r, want[0], kTolerance);
        EXPECT_NEAR(p.g, want[1], kTolerance);
        EXPECT_NEAR(p.b, want[2], kTolerance);
        ASSERT_LE(p.x0, p.x1);
        ASSERT_LE(p.y0, p.y1);
        int wrong = 0;
        for (int y = p.y0; y <= p.y1; ++y)
            for (int x = p.x0; x <= p.x1; ++x) {
                const float* px = pixel(frame, x, y);
                if (std::fabs(px[0] - want[0]) > kTolerance || std::fabs(px[1] - want[1]) > kTolerance ||
                    std::fabs(px[2] - want[2]) > kTolerance || px[3] != 1.0f)
                    ++wrong;
            }
        EXPECT_EQ(wrong, 0) << "pixels of the patch that differ from the published value";
    }
}

TEST(SampleFootage, GreyRampRisesFromBlackToHighlightsAboveOne) {
    std::vector<float> ramp;
    for (const auto& p : samplePatches(1920, 1080))
        if (p.name.rfind("grey_", 0) == 0) {
            EXPECT_EQ(p.r, p.g);
            EXPECT_EQ(p.g, p.b);
            ramp.push_back(p.r);
        }
    ASSERT_GE(ramp.size(), 10u);
    EXPECT_EQ(ramp.front(), 0.0f);
    for (size_t i = 1; i < ramp.size(); ++i) EXPECT_LT(ramp[i - 1], ramp[i]);
    EXPECT_GT(ramp.back(), 4.0f);
    EXPECT_GE(std::count_if(ramp.begin(), ramp.end(), [](float v) { return v > 1.0f; }), 3);
}

TEST_P(SampleSizes, PatchesAndRegionsLieInsideTheFrameWithoutOverlapping) {
    const auto [w, h] = GetParam();
    std::vector<std::pair<std::string, PixelWindow>> areas;
    for (const auto& p : samplePatches(w, h)) areas.push_back({p.name, {p.x0, p.y0, p.x1, p.y1}});
    for (const auto& r : sampleRegions(w, h)) areas.push_back({r.name, r.window});
    for (size_t i = 0; i < areas.size(); ++i) {
        const PixelWindow& a = areas[i].second;
        EXPECT_TRUE(a.width() > 0 && a.height() > 0) << areas[i].first;
        EXPECT_TRUE(a.xMin >= 0 && a.yMin >= 0 && a.xMax < w && a.yMax < h) << areas[i].first;
        for (size_t j = i + 1; j < areas.size(); ++j) {
            const PixelWindow& b = areas[j].second;
            const bool overlap = a.xMin <= b.xMax && b.xMin <= a.xMax && a.yMin <= b.yMax && b.yMin <= a.yMax;
            EXPECT_FALSE(overlap) << areas[i].first << " and " << areas[j].first;
        }
    }
}

TEST_P(SampleSizes, ConsecutiveFramesDifferOnlyInTheMotionRegion) {
    const auto [w, h] = GetParam();
    const PixelWindow motion = sampleMotionRegion(w, h);
    EXPECT_EQ(motion, regionNamed(w, h, "motion"));
    // Mid-loop, across the loop's end, and in a two-frame loop.
    for (auto [a, b, count] : {std::array{3, 4, 24}, std::array{23, 24, 24}, std::array{0, 1, 2}}) {
        SCOPED_TRACE("frames " + std::to_string(a) + " and " + std::to_string(b) + " of " +
                     std::to_string(count));
        const Frame f = makeSampleFrame(a, count, w, h), g = makeSampleFrame(b, count, w, h);
        int outside = 0, changed = 0;
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x) {
                const float *p = pixel(f, x, y), *q = pixel(g, x, y);
                const bool same = p[0] == q[0] && p[1] == q[1] && p[2] == q[2] && p[3] == q[3];
                if (!same) (inside(motion, x, y) ? changed : outside)++;
            }
        EXPECT_EQ(outside, 0) << "pixels outside the motion region that changed";
        // The disc and the bar each move by several pixels: well over a handful of pixels change.
        EXPECT_GT(changed, motion.height()) << "pixels inside the motion region that changed";
    }
}

TEST_P(SampleSizes, FramesAreFiniteOpaqueAndShapedLikeTheirSize) {
    const auto [w, h] = GetParam();
    const Frame f = makeSampleFrame(7, 48, w, h);
    EXPECT_EQ(f.width, w);
    EXPECT_EQ(f.height, h);
    EXPECT_EQ(f.dataWindow, (PixelWindow{0, 0, w - 1, h - 1}));
    EXPECT_EQ(f.displayWindow, f.dataWindow);
    EXPECT_TRUE(f.hasAlpha);
    EXPECT_EQ(f.sourcePixelType, PixelType::Half);
    ASSERT_EQ(f.rgba.size(), size_t(w) * h * 4);
    int notFinite = 0, negative = 0, alphaNotOne = 0;
    for (size_t i = 0; i < f.rgba.size(); ++i) {
        if (!std::isfinite(f.rgba[i])) ++notFinite;
        if (f.rgba[i] < 0) ++negative;
        if (i % 4 == 3 && f.rgba[i] != 1.0f) ++alphaNotOne;
    }
    EXPECT_EQ(notFinite, 0);
    EXPECT_EQ(negative, 0);
    EXPECT_EQ(alphaNotOne, 0);
}

TEST(SampleFootage, IsDeterministicAndLoops) {
    const Frame a = makeSampleFrame(10, 24, 320, 180);
    EXPECT_EQ(a.rgba, makeSampleFrame(10, 24, 320, 180).rgba);
    EXPECT_EQ(a.rgba, makeSampleFrame(34, 24, 320, 180).rgba);
    EXPECT_EQ(a.rgba, makeSampleFrame(-14, 24, 320, 180).rgba);
    EXPECT_NE(a.rgba, makeSampleFrame(11, 24, 320, 180).rgba);
}

TEST_P(SampleSizes, LinearRampRunsFromZeroToFour) {
    const auto [w, h] = GetParam();
    const PixelWindow ramp = regionNamed(w, h, "linear_ramp");
    const Frame f = makeSampleFrame(0, 1, w, h);
    for (int y = ramp.yMin; y <= ramp.yMax; ++y) {
        EXPECT_EQ(pixel(f, ramp.xMin, y)[0], 0.0f);
        EXPECT_EQ(pixel(f, ramp.xMax, y)[1], 4.0f);
        for (int x = ramp.xMin; x <= ramp.xMax; ++x) {
            const float* p = pixel(f, x, y);
            const double want = 4.0 * (x - ramp.xMin) / (ramp.width() - 1);
            ASSERT_NEAR(p[0], want, 4.0 * 6e-8) << x << "," << y;  // float rounding of the value
            ASSERT_TRUE(p[0] == p[1] && p[1] == p[2]) << x << "," << y;
        }
    }
}

TEST(SampleFootage, HueSweepStartsAtRec709RedAndFadesToGrey) {
    const PixelWindow hue = regionNamed(640, 360, "hue_sweep");
    const Frame f = makeSampleFrame(0, 1, 640, 360);
    const Rgb red = toAp0({0.5, 0, 0}), grey = toAp0({0.5, 0.5, 0.5});
    const float* top = pixel(f, hue.xMin, hue.yMin);
    const float* bottom = pixel(f, hue.xMin + hue.width() / 3, hue.yMax);
    for (int c = 0; c < 3; ++c) {
        EXPECT_NEAR(top[c], red[c], kTolerance);
        EXPECT_NEAR(bottom[c], grey[c], kTolerance);
    }
}

TEST(SampleFootage, DetailHasOnePixelStructure) {
    const Frame f = makeSampleFrame(0, 1, 640, 360);
    const PixelWindow lines = regionNamed(640, 360, "lines"), checks = regionNamed(640, 360, "checkerboards");
    EXPECT_NE(pixel(f, lines.xMin, lines.yMin)[0], pixel(f, lines.xMin + 1, lines.yMin)[0]);
    EXPECT_EQ(pixel(f, lines.xMin, lines.yMin)[0], pixel(f, lines.xMin + 2, lines.yMin)[0]);
    EXPECT_NE(pixel(f, checks.xMin, checks.yMin)[0], pixel(f, checks.xMin + 1, checks.yMin)[0]);
    EXPECT_NE(pixel(f, checks.xMin, checks.yMin)[0], pixel(f, checks.xMin, checks.yMin + 1)[0]);
    EXPECT_EQ(pixel(f, checks.xMin, checks.yMin)[0], pixel(f, checks.xMin + 1, checks.yMin + 1)[0]);
}

TEST(SampleFootage, ChartJsonListsEveryPatchAndRegion) {
    const auto json = sampleChartJson(1920, 1080);
    EXPECT_EQ(json.at("width"), 1920);
    EXPECT_EQ(json.at("height"), 1080);
    const auto patches = samplePatches(1920, 1080);
    ASSERT_EQ(json.at("patches").size(), patches.size());
    for (size_t i = 0; i < patches.size(); ++i) {
        const auto& j = json.at("patches")[i];
        EXPECT_EQ(j.at("name"), patches[i].name);
        EXPECT_EQ(j.at("x0"), patches[i].x0);
        EXPECT_EQ(j.at("y1"), patches[i].y1);
        // The decimals in the file read back as exactly the frame's floats.
        EXPECT_EQ(j.at("aces")[0].get<float>(), patches[i].r) << patches[i].name;
        EXPECT_EQ(j.at("aces")[1].get<float>(), patches[i].g) << patches[i].name;
        EXPECT_EQ(j.at("aces")[2].get<float>(), patches[i].b) << patches[i].name;
    }
    bool motion = false;
    for (const auto& r : json.at("regions"))
        if (r.at("name") == "motion") {
            motion = true;
            const PixelWindow m = sampleMotionRegion(1920, 1080);
            EXPECT_EQ(r.at("x0"), m.xMin);
            EXPECT_EQ(r.at("x1"), m.xMax);
        }
    EXPECT_TRUE(motion);
    // A short decimal, not a float's binary expansion.
    EXPECT_EQ(json.at("patches")[6].at("aces")[0].dump(), "0.18");
}

TEST(SampleFootage, RejectsSizesAndCountsItCannotDraw) {
    EXPECT_THROW(makeSampleFrame(0, 0, 640, 360), Error);
    EXPECT_THROW(makeSampleFrame(0, 24, 32, 360), Error);
    EXPECT_THROW(makeSampleFrame(0, 24, 640, 20), Error);
    EXPECT_THROW(samplePatches(0, 0), Error);
    EXPECT_THROW(sampleChartJson(-1, 360), Error);
}

}  // namespace
}  // namespace tinct::test
