#include "tests/support/TestPixels.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

namespace tinct::test {

std::vector<float> colourProbePixels(bool withNonFinite) {
    std::vector<float> px;
    auto add = [&](float r, float g, float b, float a) { px.insert(px.end(), {r, g, b, a}); };
    for (int i = 0; i <= 600; ++i) {  // grey ramp -1 .. 5
        float v = -1.0f + 6.0f * float(i) / 600.0f;
        add(v, v, v, 1.0f);
    }
    const float levels[] = {-0.25f, 0.0f, 0.18f, 0.5f, 1.0f, 2.5f, 16.0f};
    for (float a : levels)
        for (float b : levels)
            for (float c : levels) add(a, b, c, 0.5f);  // saturated and extreme combinations
    uint32_t state = 12345u;
    auto next = [&] {
        state = state * 1664525u + 1013904223u;
        return float(state >> 8) / float(1u << 24);
    };
    for (int i = 0; i < 4000; ++i) add(next() * 2.5f - 0.5f, next() * 2.5f - 0.5f, next() * 2.5f - 0.5f, next());
    if (withNonFinite) {
        const float nan = std::numeric_limits<float>::quiet_NaN();
        const float inf = std::numeric_limits<float>::infinity();
        add(nan, 0.5f, 0.5f, 1.0f);
        add(0.5f, inf, 0.5f, 1.0f);
        add(0.5f, 0.5f, -inf, 1.0f);
        add(nan, nan, nan, nan);
    }
    return px;
}

float sanitized(float v) {
    if (std::isnan(v)) return 0.0f;
    if (std::isinf(v)) return v > 0 ? 65504.0f : -65504.0f;
    return v;
}

MaxError maxRgbError(const std::vector<float>& a, const std::vector<float>& b) {
    MaxError m;
    if (a.size() != b.size()) return {std::numeric_limits<double>::infinity(), std::min(a.size(), b.size()) / 4};
    for (size_t i = 0; i < a.size() && i < b.size(); ++i) {
        if (i % 4 == 3) continue;
        double e = std::fabs(double(a[i]) - double(b[i]));
        if (std::isnan(e)) e = std::numeric_limits<double>::infinity();
        if (e > m.error) m = {e, i / 4};
    }
    return m;
}

}  // namespace tinct::test

namespace tinct::test {

MaxError maxScaledError(const std::vector<float>& a, const std::vector<float>& reference) {
    MaxError m;
    if (a.size() != reference.size())
        return {std::numeric_limits<double>::infinity(), std::min(a.size(), reference.size()) / 4};
    for (size_t i = 0; i < a.size() && i < reference.size(); ++i) {
        if (i % 4 == 3) continue;
        double e = std::fabs(double(a[i]) - double(reference[i])) / std::max(1.0, std::fabs(double(reference[i])));
        if (std::isnan(e)) e = std::numeric_limits<double>::infinity();
        if (e > m.error) m = {e, i / 4};
    }
    return m;
}

}  // namespace tinct::test
