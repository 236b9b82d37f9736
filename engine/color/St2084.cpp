#include "engine/color/St2084.h"

#include <algorithm>
#include <cmath>

namespace tinct {

namespace {

// SMPTE ST 2084:2014 constants, exactly as the standard defines them.
constexpr double kPqM1 = 2610.0 / 16384.0;
constexpr double kPqM2 = 2523.0 / 4096.0 * 128.0;
constexpr double kPqC1 = 3424.0 / 4096.0;
constexpr double kPqC2 = 2413.0 / 4096.0 * 32.0;
constexpr double kPqC3 = 2392.0 / 4096.0 * 32.0;
constexpr double kPqPeak = 10000.0;  // cd/m2 at signal 1

}  // namespace

double pqSignalFromNits(double nits) {
    if (!(nits > 0.0)) return std::pow(kPqC1, kPqM2);  // the curve at 0 cd/m2 (7.3e-7); NaN too
    const double y = std::min(nits / kPqPeak, 1.0);
    const double ym1 = std::pow(y, kPqM1);
    return std::pow((kPqC1 + kPqC2 * ym1) / (1.0 + kPqC3 * ym1), kPqM2);
}

double nitsFromPqSignal(double signal) {
    if (!(signal > 0.0)) return 0.0;
    const double e = std::pow(std::min(signal, 1.0), 1.0 / kPqM2);
    const double y = std::pow(std::max(e - kPqC1, 0.0) / (kPqC2 - kPqC3 * e), 1.0 / kPqM1);
    return kPqPeak * y;
}

}  // namespace tinct
