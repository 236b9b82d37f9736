#include "tests/support/HdrOracle.h"

#include <algorithm>
#include <cmath>

namespace tinct::test {

double pqSignal(double nits) {
    // ST 2084, table 1: m1 = 2610/4096 * 1/4, m2 = 2523/4096 * 128, c1 = c3 - c2 + 1 = 3424/4096,
    // c2 = 2413/4096 * 32, c3 = 2392/4096 * 32.
    const double m1 = 2610.0 / 4096.0 / 4.0, m2 = 2523.0 / 4096.0 * 128.0;
    const double c2 = 2413.0 / 4096.0 * 32.0, c3 = 2392.0 / 4096.0 * 32.0, c1 = c3 - c2 + 1.0;
    const double y = std::pow(std::clamp(nits, 0.0, 10000.0) / 10000.0, m1);
    return std::pow((c1 + c2 * y) / (1.0 + c3 * y), m2);
}

double srgbDecode(double code) {
    code = std::clamp(code, 0.0, 1.0);
    return code <= 0.04045 ? code / 12.92 : std::pow((code + 0.055) / 1.055, 2.4);
}

std::array<double, 3> rec709ToRec2020(const std::array<double, 3>& rgb) {
    const double m[3][3] = {{0.6274, 0.3293, 0.0433}, {0.0691, 0.9195, 0.0114}, {0.0164, 0.0880, 0.8956}};
    std::array<double, 3> out{};
    for (int r = 0; r < 3; ++r) out[size_t(r)] = m[r][0] * rgb[0] + m[r][1] * rgb[1] + m[r][2] * rgb[2];
    return out;
}

std::array<double, 3> uiColourAsPq(const std::array<double, 3>& srgb) {
    const auto rec2020 = rec709ToRec2020({srgbDecode(srgb[0]), srgbDecode(srgb[1]), srgbDecode(srgb[2])});
    return {pqSignal(203.0 * rec2020[0]), pqSignal(203.0 * rec2020[1]), pqSignal(203.0 * rec2020[2])};
}

}  // namespace tinct::test
