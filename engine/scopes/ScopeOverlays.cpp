#include "engine/scopes/ScopeOverlays.h"

#include <cmath>

namespace tinct {

namespace {

struct Colour {
    float r, g, b;
};
const Colour kMajor{0.75f, 0.6f, 0.25f}, kMinor{0.4f, 0.33f, 0.15f};

void add(std::vector<float>& out, double x0, double y0, double x1, double y1, Colour c, float width = 1.0f) {
    out.insert(out.end(), {float(x0), float(y0), float(x1), float(y1), c.r, c.g, c.b, width});
}

}  // namespace

double waveformRow(double signal, uint32_t height) {
    return (1.0 - (signal - kWaveformLow) / (kWaveformHigh - kWaveformLow)) * height;
}

PixelPoint vectorscopePixel(CbCr p, int zoom, uint32_t size) {
    return {(p.cb * zoom * kVectorscopeReach + 0.5) * size, (0.5 - p.cr * zoom * kVectorscopeReach) * size};
}

PixelPoint ciePixel(Xy xy, uint32_t size) {
    return {(xy.x - kCieX0) / (kCieX1 - kCieX0) * size, (1.0 - (xy.y - kCieY0) / (kCieY1 - kCieY0)) * size};
}

std::vector<float> waveformOverlay(const ScopeOptions& options, uint32_t width, uint32_t height, int panels) {
    std::vector<float> out;
    for (const auto& line : graticule(options.scale)) {
        const double y = waveformRow(line.signal, height);
        add(out, 0, y, width, y, line.major ? kMajor : kMinor);
    }
    for (int p = 1; p < panels; ++p) add(out, double(width) * p / panels, 0, double(width) * p / panels, height, kMinor, 2.0f);
    return out;
}

std::vector<float> histogramOverlay(const ScopeOptions& options, uint32_t width, uint32_t height) {
    std::vector<float> out;
    for (const auto& line : graticule(options.scale)) {
        if (line.signal < 0 || line.signal > 1) continue;
        const double x = line.signal * width;
        add(out, x, 0, x, height, line.major ? kMajor : kMinor);
    }
    return out;
}

std::vector<float> vectorscopeOverlay(const ScopeOptions& options, uint32_t size) {
    std::vector<float> out;
    add(out, size / 2.0, 0, size / 2.0, size, kMinor);
    add(out, 0, size / 2.0, size, size / 2.0, kMinor);
    for (const auto& target : vectorscopeTargets(options.matrix)) {
        const PixelPoint p = vectorscopePixel(target.position, options.zoom, size);
        const double half = target.level > 0.9 ? 7.0 : 5.0;  // 100% boxes larger than 75% ones
        const Colour c = target.level > 0.9 ? kMajor : kMinor;
        add(out, p.x - half, p.y - half, p.x + half, p.y - half, c);
        add(out, p.x + half, p.y - half, p.x + half, p.y + half, c);
        add(out, p.x + half, p.y + half, p.x - half, p.y + half, c);
        add(out, p.x - half, p.y + half, p.x - half, p.y - half, c);
    }
    const double angle = skinToneLineDegrees() * M_PI / 180.0;
    add(out, size / 2.0, size / 2.0, size / 2.0 + std::cos(angle) * size / 2.0, size / 2.0 - std::sin(angle) * size / 2.0,
        {0.8f, 0.55f, 0.45f});
    return out;
}

std::vector<float> cieOverlay(uint32_t size) {
    std::vector<float> out;
    const auto& locus = spectralLocus();
    for (size_t i = 0; i < locus.size(); ++i) {
        const PixelPoint a = ciePixel(locus[i].second, size), b = ciePixel(locus[(i + 1) % locus.size()].second, size);
        add(out, a.x, a.y, b.x, b.y, {0.7f, 0.7f, 0.75f});  // the last segment closes the line of purples
    }
    const Colour colours[] = {{0.95f, 0.95f, 0.95f}, {0.95f, 0.8f, 0.3f}, {0.35f, 0.8f, 0.95f}};
    int i = 0;
    for (const auto& gamut : cieGamuts()) {
        const Chromaticities& c = gamut.xy;
        const PixelPoint r = ciePixel({c.redX, c.redY}, size), g = ciePixel({c.greenX, c.greenY}, size),
                         b = ciePixel({c.blueX, c.blueY}, size);
        add(out, r.x, r.y, g.x, g.y, colours[i % 3]);
        add(out, g.x, g.y, b.x, b.y, colours[i % 3]);
        add(out, b.x, b.y, r.x, r.y, colours[i % 3]);
        ++i;
    }
    return out;
}

}  // namespace tinct
