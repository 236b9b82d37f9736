// Qualifier and window mattes against closed forms computed here in double: the documented soft
// ranges (smoothstep), HSL from the hexcone, Rec.709 luma, the shapes' distances in frame heights,
// shrink/grow as square min/max filters, and invert/combine.
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "engine/graph/GradeCompiler.h"
#include "tests/support/GpuFixture.h"
#include "tests/support/TestPixels.h"

using namespace tinct;
using namespace tinct::test;

namespace {

constexpr uint32_t kW = 48, kH = 32;

// The grade's output is the matte node itself, so the frame shows the matte as grey.
std::vector<float> matteOf(const std::string& nodes, const std::string& output, const std::vector<float>& px) {
    const Grade g = gradeFromJson(nlohmann::json::parse(R"({"tinct_grade": 2, "output": ")" + output + R"(", "nodes": [)" + nodes + "]}"), "test");
    return runFrameOnGpu(compileGrade(g, ""), px, kW, kH);
}

double smooth(double e0, double e1, double x) {
    const double t = std::clamp((x - e0) / (e1 - e0), 0.0, 1.0);
    return t * t * (3 - 2 * t);
}
double rise(double v, double edge, double soft) { return soft > 0 ? smooth(edge - soft, edge, v) : v >= edge; }
double fall(double v, double edge, double soft) { return 1 - (soft > 0 ? smooth(edge, edge + soft, v) : v > edge); }
double range(double v, double lo, double hi, double soft) { return rise(v, lo, soft) * fall(v, hi, soft); }

// Every hue at several saturations and lightnesses (HSL to RGB by the textbook formula).
std::vector<float> hslChart() {
    std::vector<float> px(size_t(kW) * kH * 4);
    for (uint32_t y = 0; y < kH; ++y)
        for (uint32_t x = 0; x < kW; ++x) {
            const double h = (x + 0.5) / kW, s = 0.1 + 0.9 * ((y % 8) + 0.5) / 8, l = 0.1 + 0.8 * ((y / 8) + 0.5) / 4;
            const double c = (1 - std::abs(2 * l - 1)) * s, hp = h * 6, xx = c * (1 - std::abs(std::fmod(hp, 2) - 1));
            double r = 0, g = 0, b = 0;
            if (hp < 1) r = c, g = xx; else if (hp < 2) r = xx, g = c; else if (hp < 3) g = c, b = xx;
            else if (hp < 4) g = xx, b = c; else if (hp < 5) r = xx, b = c; else r = c, b = xx;
            const double m = l - c / 2;
            float* p = &px[(size_t(y) * kW + x) * 4];
            p[0] = float(r + m), p[1] = float(g + m), p[2] = float(b + m), p[3] = 1;
        }
    return px;
}

struct Hsl { double h, s, l; };
Hsl hslOf(const float* p) {
    const double r = std::clamp<double>(p[0], 0, 1), g = std::clamp<double>(p[1], 0, 1), b = std::clamp<double>(p[2], 0, 1);
    const double hi = std::max({r, g, b}), lo = std::min({r, g, b}), d = hi - lo, l = (hi + lo) / 2;
    double h = 0;
    if (d > 0) h = hi == r ? (g - b) / d : hi == g ? (b - r) / d + 2 : (r - g) / d + 4;
    h = h / 6 - std::floor(h / 6);
    return {h, d > 0 ? std::min(d / std::max(1 - std::abs(2 * l - 1), 1e-6), 1.0) : 0.0, l};
}

std::vector<float> grey(const std::vector<double>& m) {
    std::vector<float> out;
    for (double v : m) out.insert(out.end(), {float(v), float(v), float(v), 1.0f});
    return out;
}

class MatteNodesTest : public GpuFixture {};

}  // namespace

TEST_F(MatteNodesTest, HslQualifierSelectsHueSaturationAndLightnessRanges) {
    const auto px = hslChart();
    const auto out = matteOf(R"({"id": "q", "type": "qualifier", "params": {"hue_center": 0.95, "hue_width": 0.2, "hue_soft": 0.05,
        "sat_low": 0.3, "sat_high": 0.8, "sat_soft": 0.1, "lum_low": 0.2, "lum_high": 0.7, "lum_soft": 0.05}})", "q", px);
    std::vector<double> m;
    for (size_t i = 0; i < px.size() / 4; ++i) {
        const Hsl c = hslOf(&px[i * 4]);
        const double d = std::abs(c.h - 0.95 + 0.5 - std::floor(c.h - 0.95 + 0.5) - 0.5);
        m.push_back(fall(d, 0.1, 0.05) * range(c.s, 0.3, 0.8, 0.1) * range(c.l, 0.2, 0.7, 0.05));
    }
    // Float HSL of values in 0..1, through smoothstep: 2e-5 (steep edges amplify 1e-7 errors ~100x).
    EXPECT_LE(maxRgbError(out, grey(m)).error, 2e-5);
    double covered = 0;
    for (double v : m) covered += v;
    EXPECT_GT(covered, 10);  // the key selects something, and not everything
    EXPECT_LT(covered, double(m.size()) / 2);
}

TEST_F(MatteNodesTest, RgbAndLumaQualifiersAndInvert) {
    const auto px = colourProbePixels(false);
    std::vector<float> frame(size_t(kW) * kH * 4, 0.5f);
    std::copy_n(px.begin(), std::min(px.size(), frame.size()), frame.begin());
    const auto rgb = matteOf(R"({"id": "q", "type": "qualifier", "params": {"mode": "rgb", "rgb_low": [0.1, -1, 0.2],
        "rgb_high": [0.9, 0.5, 3], "rgb_soft": 0.1, "invert": true}})", "q", frame);
    const auto luma = matteOf(R"({"id": "q", "type": "qualifier", "params": {"mode": "luma", "lum_low": 0.3, "lum_high": 2, "lum_soft": 0.25}})", "q", frame);
    std::vector<double> mr, ml;
    for (size_t i = 0; i < frame.size() / 4; ++i) {
        const float* p = &frame[i * 4];
        mr.push_back(1 - range(p[0], 0.1, 0.9, 0.1) * range(p[1], -1, 0.5, 0.1) * range(p[2], 0.2, 3, 0.1));
        ml.push_back(range(0.2126 * p[0] + 0.7152 * p[1] + 0.0722 * p[2], 0.3, 2, 0.25));
    }
    EXPECT_LE(maxRgbError(rgb, grey(mr)).error, 2e-5);
    EXPECT_LE(maxRgbError(luma, grey(ml)).error, 2e-5);
}

TEST_F(MatteNodesTest, CleanUpClipsGrowsShrinksAndBlurs) {
    // A hard luma key of a frame with a 5x5 bright square at (10..14, 8..12) and a lone bright pixel.
    std::vector<float> frame(size_t(kW) * kH * 4, 0.0f);
    auto set = [&](uint32_t x, uint32_t y) { for (int c = 0; c < 3; ++c) frame[(size_t(y) * kW + x) * 4 + c] = 1.0f; };
    for (uint32_t y = 8; y < 13; ++y)
        for (uint32_t x = 10; x < 15; ++x) set(x, y);
    set(30, 20);
    const std::string key = R"("mode": "luma", "lum_low": 0.5, "lum_high": 2, "lum_soft": 0)";
    const auto grown = matteOf(R"({"id": "q", "type": "qualifier", "params": {)" + key + R"(, "shrink_grow": 2}})", "q", frame);
    const auto shrunk = matteOf(R"({"id": "q", "type": "qualifier", "params": {)" + key + R"(, "shrink_grow": -1}})", "q", frame);
    std::vector<double> g, s;
    for (uint32_t y = 0; y < kH; ++y)
        for (uint32_t x = 0; x < kW; ++x) {
            const bool inSquareGrown = x >= 8 && x <= 16 && y >= 6 && y <= 14, nearPixel = x >= 28 && x <= 32 && y >= 18 && y <= 22;
            g.push_back(inSquareGrown || nearPixel);
            s.push_back(x >= 11 && x <= 13 && y >= 9 && y <= 11);  // the lone pixel goes
        }
    EXPECT_EQ(maxRgbError(grown, grey(g)).error, 0.0);
    EXPECT_EQ(maxRgbError(shrunk, grey(s)).error, 0.0);

    // Blur after clipping: a Gaussian of the hard key (the blur node's own test checks the kernel);
    // here the blurred matte's total equals the key's (weights normalised, far from the borders).
    const auto blurred = matteOf(R"({"id": "q", "type": "qualifier", "params": {)" + key + R"(, "blur": 1.5}})", "q", frame);
    double total = 0, peak = 0;
    for (size_t i = 0; i < blurred.size(); i += 4) total += blurred[i], peak = std::max<double>(peak, blurred[i]);
    EXPECT_NEAR(total, 26.0, 1e-3);
    EXPECT_LT(peak, 1.0);
}

TEST_F(MatteNodesTest, WindowsMatchTheirShapesAndSoftness) {
    const std::vector<float> frame(size_t(kW) * kH * 4, 0.5f);
    const double aspect = double(kW) / kH;
    auto at = [&](uint32_t x, uint32_t y) { return std::array<double, 2>{(x + 0.5) / kH, (y + 0.5) / kH}; };  // frame heights

    // Soft circle: 1 - smoothstep(-inner, outer, |p - c| - r).
    const auto circle = matteOf(R"({"id": "w", "type": "window", "params": {"center_x": 0.4, "center_y": 0.6, "size": 0.5,
        "inner_soft": 0.05, "outer_soft": 0.1}})", "w", frame);
    // Rotated rectangle 0.6 x 0.3 frame heights, 30 degrees clockwise, hard.
    const auto rect = matteOf(R"({"id": "w", "type": "window", "params": {"shape": "rectangle", "size": 0.3, "aspect": 2,
        "rotation": 30, "outer_soft": 0}})", "w", frame);
    // Gradient: 1 above the line through y = 0.3, soft over 0.1 below and 0.2 above... inverted.
    const auto gradient = matteOf(R"({"id": "w", "type": "window", "params": {"shape": "gradient", "center_y": 0.3,
        "inner_soft": 0.2, "outer_soft": 0.1, "invert": true}})", "w", frame);
    std::vector<double> mc, mr, mg;
    const double th = 30 * std::numbers::pi / 180;
    for (uint32_t y = 0; y < kH; ++y)
        for (uint32_t x = 0; x < kW; ++x) {
            const auto p = at(x, y);
            mc.push_back(1 - smooth(-0.05, 0.1, std::hypot(p[0] - 0.4 * aspect, p[1] - 0.6) - 0.25));
            const double dx = p[0] - 0.5 * aspect, dy = p[1] - 0.5;
            const double u = std::cos(th) * dx + std::sin(th) * dy, v = -std::sin(th) * dx + std::cos(th) * dy;
            mr.push_back(std::abs(u) <= 0.3 && std::abs(v) <= 0.15);
            mg.push_back(smooth(-0.2, 0.1, p[1] - 0.3));
        }
    EXPECT_LE(maxRgbError(circle, grey(mc)).error, 1e-5);
    EXPECT_LE(maxRgbError(gradient, grey(mg)).error, 1e-5);
    // Hard edges: a pixel centre within 1e-5 of the edge may fall either way; none is that close here.
    EXPECT_EQ(maxRgbError(rect, grey(mr)).error, 0.0);
}

TEST_F(MatteNodesTest, PolygonWindowCombinedWithAQualifier) {
    // A triangle (fractions of the frame), intersected with a luma key of the right half.
    std::vector<float> frame(size_t(kW) * kH * 4, 0.1f);
    for (uint32_t y = 0; y < kH; ++y)
        for (uint32_t x = kW / 2; x < kW; ++x)
            for (int c = 0; c < 3; ++c) frame[(size_t(y) * kW + x) * 4 + c] = 0.9f;
    const auto out = matteOf(R"({"id": "q", "type": "qualifier", "params": {"mode": "luma", "lum_low": 0.5, "lum_high": 2, "lum_soft": 0}},
        {"id": "w", "type": "window", "matte": "q", "params": {"shape": "polygon", "outer_soft": 0,
         "points": [[0.1, 0.1], [0.9, 0.2], [0.4, 0.95]]}})", "w", frame);
    const double v[3][2] = {{0.1, 0.1}, {0.9, 0.2}, {0.4, 0.95}};
    std::vector<double> m;
    for (uint32_t y = 0; y < kH; ++y)
        for (uint32_t x = 0; x < kW; ++x) {
            const double px = (x + 0.5) / kW, py = (y + 0.5) / kH;
            bool inside = false;  // ray casting, in frame fractions (the shape is the same in any units)
            for (int i = 0, j = 2; i < 3; j = i++)
                if ((v[i][1] > py) != (v[j][1] > py) && px < (v[j][0] - v[i][0]) * (py - v[i][1]) / (v[j][1] - v[i][1]) + v[i][0])
                    inside = !inside;
            m.push_back(inside && x >= kW / 2);
        }
    EXPECT_EQ(maxRgbError(out, grey(m)).error, 0.0);
}
