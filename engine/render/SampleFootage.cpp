#include "engine/render/SampleFootage.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <numbers>
#include <utility>

#include "engine/Error.h"

namespace tinct {
namespace {

using Rgb = std::array<double, 3>;

// Rec.709 (D65) linear to ACES2065-1 (AP0, D60) with a Bradford chromatic adaptation: the matrix
// the Academy publishes for "Utility - Linear - Rec.709" in its ACES 1.0.x OCIO configs
// (OpenColorIO-Configs, aces_1.0.3/config.ocio), to 7 decimals. Rows give AP0 R, G, B.
constexpr double kRec709ToAp0[3][3] = {
    {0.4397010, 0.3829780, 0.1773350},
    {0.0897923, 0.8134230, 0.0967616},
    {0.0175440, 0.1115440, 0.8707040},
};

// ColorChecker Classic "dark skin" (patch 1) and "light skin" (patch 2) as 8-bit sRGB, the values
// X-Rite publishes for charts made after November 2014 and BabelColor's average of measured charts
// (D. Pascale, "RGB coordinates of the Macbeth ColorChecker", 2006) both give.
constexpr int kDarkSkinSrgb[3] = {115, 82, 68};
constexpr int kLightSkinSrgb[3] = {194, 150, 130};

constexpr float kBackground = 0.0625f;           // AP0 grey between the patches (2^-4, exact in half)
constexpr float kDetailLow = 0.02f, kDetailHigh = 0.8f;
constexpr double kRampMax = 4.0;                 // the linear ramp runs 0..4
constexpr double kHueValue = 0.5;                // HSV value of the hue sweep, Rec.709 linear
constexpr float kDisc[3] = {1.5f, 0.9f, 0.4f};   // the moving disc, AP0: a highlight above 1
constexpr float kBar = 0.72f;                    // the moving bar, AP0 grey

Rgb rec709ToAp0(const Rgb& c) {
    Rgb out{};
    for (int i = 0; i < 3; ++i)
        out[i] = kRec709ToAp0[i][0] * c[0] + kRec709ToAp0[i][1] * c[1] + kRec709ToAp0[i][2] * c[2];
    return out;
}

// IEC 61966-2-1 decoding of an 8-bit sRGB code to linear.
double srgbToLinear(int code) {
    const double v = code / 255.0;
    return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
}

Rgb srgbCodesToLinear(const int (&codes)[3]) {
    return {srgbToLinear(codes[0]), srgbToLinear(codes[1]), srgbToLinear(codes[2])};
}

int at(double fraction, int size) { return int(std::lround(fraction * size)); }

// Half-open [a, b) spans turned into an inclusive window.
PixelWindow window(int xa, int xb, int ya, int yb) { return {xa, ya, xb - 1, yb - 1}; }

// Where everything goes, as fractions of the frame so that any size from 64x36 up gets the same
// picture. Rows from the top: grey ramp, colour patches, linear ramp, hue sweep, then detail on
// the left and motion on the right.
struct Layout {
    int xa = 0, xb = 0, gap = 1;  // usable columns [xa, xb), gap between patches
    int greyTop = 0, greyBottom = 0, colourTop = 0, colourBottom = 0;  // half-open rows
    PixelWindow linearRamp, hueSweep, lines, checkerboards, zonePlate, motion;
};

void checkSize(int width, int height) {
    if (width < kSampleMinWidth || height < kSampleMinHeight || width > 16384 || height > 16384)
        throw Error("sample frame size " + std::to_string(width) + "x" + std::to_string(height) +
                    " is not supported: use " + std::to_string(kSampleMinWidth) + "x" +
                    std::to_string(kSampleMinHeight) + " to 16384x16384");
}

Layout layout(int w, int h) {
    checkSize(w, h);
    Layout l;
    l.xa = std::max(1, at(0.02, w));
    l.xb = w - l.xa;
    l.gap = std::max(1, at(0.006, w));
    l.greyTop = at(0.03, h), l.greyBottom = at(0.19, h);
    l.colourTop = at(0.22, h), l.colourBottom = at(0.38, h);
    l.linearRamp = window(l.xa, l.xb, at(0.42, h), at(0.50, h));
    l.hueSweep = window(l.xa, l.xb, at(0.52, h), at(0.62, h));
    const int top = at(0.66, h), bottom = at(0.97, h);
    const int detailEnd = at(0.50, w), third = (detailEnd - l.xa - 2 * l.gap) / 3;
    const int checkStart = l.xa + third + l.gap, zoneStart = checkStart + third + l.gap;
    l.lines = window(l.xa, l.xa + third, top, bottom);
    l.checkerboards = window(checkStart, checkStart + third, top, bottom);
    l.zonePlate = window(zoneStart, detailEnd, top, bottom);
    l.motion = window(at(0.52, w), l.xb, top, bottom);
    return l;
}

// Patches side by side across the usable width, in rows [top, bottom).
std::vector<SamplePatch> patchRow(const Layout& l, int top, int bottom,
                                  const std::vector<std::pair<std::string, Rgb>>& values) {
    const int n = int(values.size());
    const int width = (l.xb - l.xa - (n - 1) * l.gap) / n;
    const int start = l.xa + (l.xb - l.xa - n * width - (n - 1) * l.gap) / 2;  // centred
    std::vector<SamplePatch> row;
    for (int i = 0; i < n; ++i) {
        const int x0 = start + i * (width + l.gap);
        const auto& [name, c] = values[i];
        row.push_back({name, x0, top, x0 + width - 1, bottom - 1, float(c[0]), float(c[1]), float(c[2])});
    }
    return row;
}

std::vector<SamplePatch> patches(const Layout& l) {
    std::vector<std::pair<std::string, Rgb>> grey{{"grey_black", {0, 0, 0}}};
    for (int stop = -5; stop <= 5; ++stop) {
        const double v = 0.18 * std::ldexp(1.0, stop);  // grey is equal in AP0: its white is D60
        grey.push_back({"grey_" + std::string(stop > 0 ? "+" : "") + std::to_string(stop) + "ev", {v, v, v}});
    }
    const Rgb darkSkin = srgbCodesToLinear(kDarkSkinSrgb), lightSkin = srgbCodesToLinear(kLightSkinSrgb);
    Rgb deepSkin{}, mediumSkin{};
    for (int c = 0; c < 3; ++c) {
        deepSkin[c] = 0.5 * darkSkin[c];                       // dark skin one stop down
        mediumSkin[c] = 0.5 * (darkSkin[c] + lightSkin[c]);  // linear midpoint of the two
    }
    const std::vector<std::pair<std::string, Rgb>> colour{
        {"red_75", rec709ToAp0({0.75, 0, 0})},        {"green_75", rec709ToAp0({0, 0.75, 0})},
        {"blue_75", rec709ToAp0({0, 0, 0.75})},       {"cyan_75", rec709ToAp0({0, 0.75, 0.75})},
        {"magenta_75", rec709ToAp0({0.75, 0, 0.75})}, {"yellow_75", rec709ToAp0({0.75, 0.75, 0})},
        {"skin_deep", rec709ToAp0(deepSkin)},         {"skin_dark", rec709ToAp0(darkSkin)},
        {"skin_medium", rec709ToAp0(mediumSkin)},     {"skin_light", rec709ToAp0(lightSkin)},
    };
    auto all = patchRow(l, l.greyTop, l.greyBottom, grey);
    auto row = patchRow(l, l.colourTop, l.colourBottom, colour);
    all.insert(all.end(), row.begin(), row.end());
    return all;
}

std::vector<SampleRegion> regions(const Layout& l) {
    auto num = [](double v) {
        std::string s = std::to_string(v);
        s.erase(s.find_last_not_of('0') + 1);
        if (s.back() == '.') s.pop_back();
        return s;
    };
    return {
        {"linear_ramp", l.linearRamp,
         "neutral AP0 grey rising linearly from 0 at the left column to " + num(kRampMax) +
             " at the right column, the same in every row"},
        {"hue_sweep", l.hueSweep,
         "Rec.709 linear HSV with value " + num(kHueValue) +
             ", hue 0 to 360 degrees left to right, saturation 1 in the top row to 0 in the bottom row, "
             "converted to AP0"},
        {"lines", l.lines,
         "one-pixel lines of AP0 grey " + num(kDetailLow) + " and " + num(kDetailHigh) +
             ": vertical in the top half, horizontal in the bottom half"},
        {"checkerboards", l.checkerboards,
         "checkerboards of AP0 grey " + num(kDetailLow) + " and " + num(kDetailHigh) +
             " with cells of 1, 2, 4 and 8 pixels in the top-left, top-right, bottom-left and "
             "bottom-right quarters"},
        {"zone_plate", l.zonePlate,
         "circular zone plate between AP0 grey " + num(kDetailLow) + " and " + num(kDetailHigh) +
             ", reaching 0.5 cycles per pixel at the inscribed circle"},
        {"motion", l.motion,
         "the only area that changes from frame to frame: a soft disc of AP0 (" + num(kDisc[0]) + ", " +
             num(kDisc[1]) + ", " + num(kDisc[2]) + ") and a hard-edged AP0 grey " + num(kBar) +
             " bar moving back and forth over the background, in a loop of `count` frames"},
    };
}

// The shortest decimal that reads back as the same float, so chart.json shows 0.3297758 rather
// than the float's binary expansion.
double tidy(float v) {
    char buffer[32];
    auto written = std::to_chars(buffer, buffer + sizeof buffer, v);
    double out = v;
    std::from_chars(buffer, written.ptr, out);
    return out;
}

nlohmann::json windowJson(const PixelWindow& w) {
    return {{"x0", w.xMin}, {"y0", w.yMin}, {"x1", w.xMax}, {"y1", w.yMax}};
}

// 0 at 0, 1 at 0.5, 0 again at 1: constant speed back and forth, so a loop has no jump.
double triangle(double phase) {
    const double p = phase - std::floor(phase);
    return 1.0 - std::fabs(2.0 * p - 1.0);
}

class Painter {
public:
    explicit Painter(Frame& frame) : frame_(frame) {}

    void set(int x, int y, float r, float g, float b) {
        float* p = frame_.rgba.data() + (size_t(y) * frame_.width + x) * 4;
        p[0] = r, p[1] = g, p[2] = b;
    }
    void grey(int x, int y, float v) { set(x, y, v, v, v); }
    void fill(const PixelWindow& w, float r, float g, float b) {
        for (int y = w.yMin; y <= w.yMax; ++y)
            for (int x = w.xMin; x <= w.xMax; ++x) set(x, y, r, g, b);
    }

private:
    Frame& frame_;
};

void paintLinearRamp(Painter& p, const PixelWindow& w) {
    const int n = w.width();
    for (int y = w.yMin; y <= w.yMax; ++y)
        for (int i = 0; i < n; ++i) p.grey(w.xMin + i, y, float(kRampMax * i / std::max(1, n - 1)));
}

void paintHueSweep(Painter& p, const PixelWindow& w) {
    // Pure hues at full saturation, Rec.709 linear, one per column; rows mix them with grey.
    std::vector<Rgb> hue(w.width());
    for (int i = 0; i < w.width(); ++i) {
        const double h = 6.0 * i / w.width();  // sextant of the hue circle, 0 <= h < 6
        const double f = h - std::floor(h);
        switch (int(h)) {
            case 0: hue[i] = {1, f, 0}; break;
            case 1: hue[i] = {1 - f, 1, 0}; break;
            case 2: hue[i] = {0, 1, f}; break;
            case 3: hue[i] = {0, 1 - f, 1}; break;
            case 4: hue[i] = {f, 0, 1}; break;
            default: hue[i] = {1, 0, 1 - f}; break;
        }
    }
    for (int y = w.yMin; y <= w.yMax; ++y) {
        const double s = w.height() > 1 ? 1.0 - double(y - w.yMin) / (w.height() - 1) : 1.0;
        for (int i = 0; i < w.width(); ++i) {
            Rgb c{};
            for (int k = 0; k < 3; ++k) c[k] = kHueValue * (1.0 - s + s * hue[i][k]);
            const Rgb a = rec709ToAp0(c);
            p.set(w.xMin + i, y, float(a[0]), float(a[1]), float(a[2]));
        }
    }
}

void paintLines(Painter& p, const PixelWindow& w) {
    const int middle = w.yMin + w.height() / 2;
    for (int y = w.yMin; y <= w.yMax; ++y)
        for (int x = w.xMin; x <= w.xMax; ++x) {
            const int parity = y < middle ? x - w.xMin : y - middle;
            p.grey(x, y, parity % 2 == 0 ? kDetailHigh : kDetailLow);
        }
}

void paintCheckerboards(Painter& p, const PixelWindow& w) {
    const int midX = w.xMin + w.width() / 2, midY = w.yMin + w.height() / 2;
    for (int y = w.yMin; y <= w.yMax; ++y)
        for (int x = w.xMin; x <= w.xMax; ++x) {
            const int quarter = (x >= midX ? 1 : 0) + (y >= midY ? 2 : 0);
            const int cell = 1 << quarter;
            const int lx = x - (x >= midX ? midX : w.xMin), ly = y - (y >= midY ? midY : w.yMin);
            p.grey(x, y, (lx / cell + ly / cell) % 2 == 0 ? kDetailHigh : kDetailLow);
        }
}

void paintZonePlate(Painter& p, const PixelWindow& w) {
    // Phase pi r^2 / (2 R) has a local frequency of r / (2 R) cycles per pixel: Nyquist at r = R.
    const double cx = 0.5 * (w.xMin + w.xMax), cy = 0.5 * (w.yMin + w.yMax);
    const double radius = 0.5 * std::min(w.width(), w.height());
    const double k = std::numbers::pi / (2.0 * radius);
    for (int y = w.yMin; y <= w.yMax; ++y)
        for (int x = w.xMin; x <= w.xMax; ++x) {
            const double r2 = (x - cx) * (x - cx) + (y - cy) * (y - cy);
            const double v = 0.5 + 0.5 * std::cos(k * r2);
            p.grey(x, y, float(kDetailLow + (kDetailHigh - kDetailLow) * v));
        }
}

void paintMotion(Painter& p, const PixelWindow& w, int index, int count) {
    p.fill(w, kBackground, kBackground, kBackground);
    const double phase = double(((index % count) + count) % count) / count;
    const double rh = w.height();

    // A soft disc: full inside `radius`, a smoothstep edge `soft` wide, travelling left and right
    // while it bobs up and down, so motion has both components and sub-pixel positions.
    const double radius = 0.3 * rh, soft = std::max(1.0, 0.15 * rh), reach = radius + 0.5 * soft;
    const double left = w.xMin + reach, right = w.xMax + 1 - reach;
    const double cx = left + std::max(0.0, right - left) * triangle(phase);
    const double bob = std::max(0.0, 0.5 * rh - reach);
    const double cy = w.yMin + 0.5 * rh + bob * std::sin(2 * std::numbers::pi * phase);
    const int x0 = std::max(w.xMin, int(std::floor(cx - reach)));
    const int x1 = std::min(w.xMax, int(std::ceil(cx + reach)));
    const int y0 = std::max(w.yMin, int(std::floor(cy - reach)));
    const int y1 = std::min(w.yMax, int(std::ceil(cy + reach)));
    for (int y = y0; y <= y1; ++y)
        for (int x = x0; x <= x1; ++x) {
            const double dx = x + 0.5 - cx, dy = y + 0.5 - cy;  // pixel centres
            const double t = std::clamp((reach - std::sqrt(dx * dx + dy * dy)) / soft, 0.0, 1.0);
            const float c = float(t * t * (3.0 - 2.0 * t));
            if (c > 0) {
                auto mix = [c](float disc) { return kBackground + (disc - kBackground) * c; };
                p.set(x, y, mix(kDisc[0]), mix(kDisc[1]), mix(kDisc[2]));
            }
        }

    // A hard-edged bar half a loop out of step with the disc: whole-pixel edges for motion
    // estimation and temporal filters, crossing the disc twice a loop.
    const int barWidth = std::max(2, at(0.06, int(rh)));
    const int margin = at(0.1, int(rh));
    const int bx = w.xMin + int(std::floor(triangle(phase + 0.5) * (w.width() - barWidth)));
    p.fill({bx, w.yMin + margin, bx + barWidth - 1, w.yMax - margin}, kBar, kBar, kBar);
}

}  // namespace

std::vector<SamplePatch> samplePatches(int width, int height) { return patches(layout(width, height)); }

std::vector<SampleRegion> sampleRegions(int width, int height) { return regions(layout(width, height)); }

PixelWindow sampleMotionRegion(int width, int height) { return layout(width, height).motion; }

Frame makeSampleFrame(int index, int count, int width, int height) {
    if (count < 1) throw Error("sample footage needs at least 1 frame, got " + std::to_string(count));
    const Layout l = layout(width, height);
    Frame frame = makeFrame(width, height);
    frame.hasAlpha = true;  // alpha is 1 everywhere, written out so the files carry an A channel
    frame.sourcePixelType = PixelType::Half;
    Painter p(frame);
    p.fill(frame.dataWindow, kBackground, kBackground, kBackground);
    for (const SamplePatch& patch : patches(l))
        p.fill({patch.x0, patch.y0, patch.x1, patch.y1}, patch.r, patch.g, patch.b);
    paintLinearRamp(p, l.linearRamp);
    paintHueSweep(p, l.hueSweep);
    paintLines(p, l.lines);
    paintCheckerboards(p, l.checkerboards);
    paintZonePlate(p, l.zonePlate);
    paintMotion(p, l.motion, index, count);
    return frame;
}

nlohmann::json sampleChartJson(int width, int height) {
    const Layout l = layout(width, height);
    nlohmann::json patchList = nlohmann::json::array();
    for (const SamplePatch& patch : patches(l))
        patchList.push_back({{"name", patch.name},
                             {"x0", patch.x0}, {"y0", patch.y0}, {"x1", patch.x1}, {"y1", patch.y1},
                             {"aces", {tidy(patch.r), tidy(patch.g), tidy(patch.b)}}});
    nlohmann::json regionList = nlohmann::json::array();
    for (const SampleRegion& region : regions(l)) {
        nlohmann::json r = windowJson(region.window);
        r["name"] = region.name;
        r["description"] = region.description;
        regionList.push_back(r);
    }
    return {
        {"chart", "tinct sample"},
        {"width", width},
        {"height", height},
        {"colorspace", "ACES2065-1 (AP0 primaries, D60 white, scene-linear)"},
        {"rectangles", "inclusive pixel coordinates, origin top left"},
        {"background", {tidy(kBackground), tidy(kBackground), tidy(kBackground)}},
        {"patches", patchList},
        {"regions", regionList},
        {"sources",
         {{"grey_ramp", "0, then 0.18 * 2^stop for stops -5 to +5; equal values are neutral in AP0"},
          {"rec709_to_ap0",
           "Rec.709 (D65) linear to AP0 with Bradford adaptation to D60, as published in the Academy's "
           "ACES 1.0.3 OCIO config (Utility - Linear - Rec.709): "
           "[0.4397010 0.3829780 0.1773350; 0.0897923 0.8134230 0.0967616; 0.0175440 0.1115440 0.8707040]"},
          {"primaries", "Rec.709 linear 0.75 in one channel (R, G, B) or two (C, M, Y), converted to AP0"},
          {"skin",
           "ColorChecker Classic sRGB codes, X-Rite (charts after Nov 2014) and BabelColor (Pascale 2006): "
           "dark skin 115 82 68, light skin 194 150 130, decoded with the sRGB curve (IEC 61966-2-1) and "
           "converted to AP0; skin_medium is the linear mean of dark and light, skin_deep is dark skin one "
           "stop down"}}},
        {"storage",
         "frames are written as half float: a file's pixels are these values rounded to the nearest half "
         "(relative error at most 2^-11)"},
    };
}

}  // namespace tinct
