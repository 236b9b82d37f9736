#include "engine/nodes/QualifierPick.h"

#include <algorithm>
#include <cmath>

#include "engine/Error.h"

namespace tinct {
namespace {

// The shortest arc of the hue circle holding all `hues` (turns): the circle less its largest gap.
std::array<double, 2> shortestArc(std::vector<double> hues) {
    std::sort(hues.begin(), hues.end());
    double gap = hues.front() + 1 - hues.back(), start = hues.front();
    for (size_t i = 1; i < hues.size(); ++i)
        if (hues[i] - hues[i - 1] > gap) gap = hues[i] - hues[i - 1], start = hues[i];
    const double width = 1 - gap;
    return {std::fmod(start + width / 2, 1.0), width};  // centre, width
}

double luma(const std::array<float, 4>& c) { return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]; }

}  // namespace

std::array<double, 3> qualifierHsl(const std::array<float, 4>& rgba) {
    const double r = std::clamp<double>(rgba[0], 0, 1), g = std::clamp<double>(rgba[1], 0, 1), b = std::clamp<double>(rgba[2], 0, 1);
    const double hi = std::max({r, g, b}), lo = std::min({r, g, b}), d = hi - lo;
    const double l = (hi + lo) / 2;
    const double s = d > 0 ? std::min(d / std::max(1 - std::abs(2 * l - 1), 1e-6), 1.0) : 0;
    double h = 0;
    if (d > 0) {
        h = hi == r ? (g - b) / d : hi == g ? (b - r) / d + 2 : (r - g) / d + 4;
        h = h / 6 - std::floor(h / 6);
    }
    return {h, s, l};
}

NodeParams pickQualifierRanges(const NodeParams& params, const std::vector<std::array<float, 4>>& samples, bool extend) {
    if (samples.empty()) throw Error("the qualifier picker sampled no pixels");
    NodeParams p = params;
    const std::string mode = params.text("mode");
    auto range = [&](const std::string& low, const std::string& high, double lo, double hi, double min, double max) {
        if (extend) lo = std::min(lo + kPickMargin, params.number(low)), hi = std::max(hi - kPickMargin, params.number(high));
        p.set(low, std::clamp(lo - kPickMargin, min, max));
        p.set(high, std::clamp(hi + kPickMargin, min, max));
    };
    if (mode == "hsl") {
        std::vector<double> hues;
        double sLo = 1, sHi = 0, lLo = 1, lHi = 0;
        for (const auto& c : samples) {
            const auto [h, s, l] = qualifierHsl(c);
            if (s > 0) hues.push_back(h);
            sLo = std::min(sLo, s), sHi = std::max(sHi, s), lLo = std::min(lLo, l), lHi = std::max(lHi, l);
        }
        if (extend && params.flag("use_hue")) {
            // What the hue range held, less the margin a pick added (so extending does not widen
            // it again): its two ends and its centre (so a wide range keeps its side of the circle).
            const double c = params.number("hue_center"), half = std::max(0.0, params.number("hue_width") / 2 - kPickMargin);
            for (double h : {c - half, c, c + half}) hues.push_back(h - std::floor(h));
        }
        p.set("use_hue", !hues.empty());
        if (!hues.empty()) {
            const auto [centre, width] = shortestArc(hues);
            p.set("hue_center", centre);
            p.set("hue_width", std::min(1.0, width + 2 * kPickMargin));
        }
        p.set("use_sat", true);
        p.set("use_lum", true);
        range("sat_low", "sat_high", sLo, sHi, 0, 1);
        range("lum_low", "lum_high", lLo, lHi, -1, 100);
    } else if (mode == "rgb") {
        std::array<double, 4> lo{}, hi{};
        for (int k = 0; k < 3; ++k) {
            lo[k] = samples[0][k], hi[k] = samples[0][k];
            for (const auto& c : samples) lo[k] = std::min<double>(lo[k], c[k]), hi[k] = std::max<double>(hi[k], c[k]);
            if (extend) lo[k] = std::min(lo[k], params.rgbm("rgb_low")[k] + kPickMargin),
                        hi[k] = std::max(hi[k], params.rgbm("rgb_high")[k] - kPickMargin);
            lo[k] -= kPickMargin, hi[k] += kPickMargin;
        }
        p.set("rgb_low", lo);
        p.set("rgb_high", hi);
    } else {
        double lo = luma(samples[0]), hi = lo;
        for (const auto& c : samples) lo = std::min(lo, luma(c)), hi = std::max(hi, luma(c));
        range("lum_low", "lum_high", lo, hi, -1, 100);
    }
    return p;
}

}  // namespace tinct
