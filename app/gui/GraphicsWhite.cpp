#include "app/gui/GraphicsWhite.h"

#include <algorithm>
#include <cmath>

#include "engine/color/St2084.h"

namespace tinct {
namespace {

double srgbToLinear(double v) {
    v = std::clamp(v, 0.0, 1.0);
    return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
}

}  // namespace

std::array<double, 3> sdrToGraphicsWhitePq(const std::array<double, 3>& srgb) {
    // Rec.709 to Rec.2020 primaries, ITU-R BT.2087.
    static constexpr double toRec2020[3][3] = {{0.627403896, 0.329283039, 0.043313065},
                                                {0.069097289, 0.919540395, 0.011362316},
                                                {0.016391439, 0.088013308, 0.895595253}};
    const std::array<double, 3> linear = {srgbToLinear(srgb[0]), srgbToLinear(srgb[1]), srgbToLinear(srgb[2])};
    std::array<double, 3> out{};
    for (int r = 0; r < 3; ++r)
        out[r] = pqSignalFromNits(kGraphicsWhiteNits *
                          (toRec2020[r][0] * linear[0] + toRec2020[r][1] * linear[1] + toRec2020[r][2] * linear[2]));
    return out;
}

uint32_t sdrToGraphicsWhitePq(uint32_t rgba8) {
    const auto pq = sdrToGraphicsWhitePq(
        {(rgba8 & 255u) / 255.0, ((rgba8 >> 8) & 255u) / 255.0, ((rgba8 >> 16) & 255u) / 255.0});
    uint32_t out = rgba8 & 0xff000000u;
    for (int c = 0; c < 3; ++c) out |= uint32_t(std::lround(pq[size_t(c)] * 255.0)) << (8 * c);
    return out;
}

}  // namespace tinct
