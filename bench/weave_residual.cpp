// How much gate weave is left in a stabilised sequence: each frame's shift against its clean frame,
// found by a coarse-to-fine search of the squared luma difference (the clean frame moved by
// Catmull-Rom bicubic interpolation) over the inner 80% of the picture; the weave left is the RMS,
// over the frames, of how far each shift is from its shot's mean shift (a constant offset of a whole
// shot is no weave). Frames are read with OpenEXR itself.
// Usage: bench_weave_residual OUT_PATTERN CLEAN_PATTERN FRAMES [CUT]   (patterns with %04d)
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "tests/support/ExrOracle.h"

namespace {

std::vector<float> lumaOf(const tinct::test::ExrPixels& p) {
    std::vector<float> l(size_t(p.width) * p.height);
    for (size_t i = 0; i < l.size(); ++i) l[i] = 0.2126f * p.rgba[4 * i] + 0.7152f * p.rgba[4 * i + 1] + 0.0722f * p.rgba[4 * i + 2];
    return l;
}

double cubic(double x) {
    x = std::abs(x);
    return x < 1 ? 1.5 * x * x * x - 2.5 * x * x + 1 : x < 2 ? -0.5 * x * x * x + 2.5 * x * x - 4 * x + 2 : 0.0;
}

double sampleAt(const std::vector<float>& l, int w, int h, double x, double y) {
    const int ix = int(std::floor(x)), iy = int(std::floor(y));
    double sum = 0;
    for (int j = -1; j <= 2; ++j)
        for (int i = -1; i <= 2; ++i) {
            const int px = std::min(std::max(ix + i, 0), w - 1), py = std::min(std::max(iy + j, 0), h - 1);
            sum += cubic(x - (ix + i)) * cubic(y - (iy + j)) * l[size_t(py) * w + px];
        }
    return sum;
}

// The shift s with out(x) ~ clean(x - s).
std::pair<double, double> shiftOf(const std::vector<float>& out, const std::vector<float>& clean, int w, int h) {
    double bx = 0, by = 0;
    for (double step : {0.5, 0.1, 0.02}) {
        double best = 1e300, cx = bx, cy = by;
        for (int j = -6; j <= 6; ++j)
            for (int i = -6; i <= 6; ++i) {
                const double sx = cx + i * step, sy = cy + j * step;
                double sum = 0;
                for (int y = h / 10; y < h - h / 10; y += 4)
                    for (int x = w / 10; x < w - w / 10; x += 4) {
                        const double d = out[size_t(y) * w + x] - sampleAt(clean, w, h, x - sx, y - sy);
                        sum += d * d;
                    }
                if (sum < best) best = sum, bx = sx, by = sy;
            }
    }
    return {bx, by};
}

std::string frameName(const char* pattern, int n) {
    char name[4096];
    std::snprintf(name, sizeof name, pattern, n);
    return name;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 4) {
        std::fprintf(stderr, "usage: %s OUT_PATTERN CLEAN_PATTERN FRAMES [CUT]\n", argv[0]);
        return 2;
    }
    const int frames = std::atoi(argv[3]), cut = argc > 4 ? std::atoi(argv[4]) : -1;
    std::vector<std::pair<double, double>> shifts;
    for (int n = 0; n < frames; ++n) {
        const auto out = tinct::test::readExrWithOpenExr(frameName(argv[1], n));
        const auto clean = tinct::test::readExrWithOpenExr(frameName(argv[2], n));
        shifts.push_back(shiftOf(lumaOf(out), lumaOf(clean), clean.width, clean.height));
    }
    double sum = 0;
    for (int shot = 0; shot < (cut > 0 ? 2 : 1); ++shot) {
        const int first = shot == 0 ? 0 : cut, end = cut > 0 && shot == 0 ? cut : frames;
        double mx = 0, my = 0;
        for (int n = first; n < end; ++n) mx += shifts[n].first, my += shifts[n].second;
        mx /= end - first, my /= end - first;
        for (int n = first; n < end; ++n)
            sum += (shifts[n].first - mx) * (shifts[n].first - mx) + (shifts[n].second - my) * (shifts[n].second - my);
    }
    std::printf("%.3f\n", std::sqrt(sum / frames));
    return 0;
}
