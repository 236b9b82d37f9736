#pragma once
// The lines drawn over each scope (graticules, colour-bar targets, skin-tone line, gamut triangles,
// spectral locus), as segments for scope_draw.comp: 8 floats each, (x0, y0, x1, y1) in image
// pixels and (r, g, b, width).
#include <cstdint>
#include <vector>

#include "engine/scopes/ScopeOptions.h"

namespace tinct {

// Horizontal graticule lines of the scale; `panels` > 1 adds the separators of a parade.
std::vector<float> waveformOverlay(const ScopeOptions& options, uint32_t width, uint32_t height, int panels);
// Vertical lines at the scale's levels across 0..1.
std::vector<float> histogramOverlay(const ScopeOptions& options, uint32_t width, uint32_t height);
// Axes, 75% and 100% colour-bar target boxes, the skin-tone line.
std::vector<float> vectorscopeOverlay(const ScopeOptions& options, uint32_t size);
// Spectral locus with the line of purples, Rec.709, P3-D65 and Rec.2020 triangles.
std::vector<float> cieOverlay(uint32_t size);

// Where a point lands on the square vectorscope and CIE images (pixel coordinates, y down).
struct PixelPoint {
    double x, y;
};
PixelPoint vectorscopePixel(CbCr position, int zoom, uint32_t size);
PixelPoint ciePixel(Xy xy, uint32_t size);
// The image row of a signal level on the waveform (fractional; 0 at the top).
double waveformRow(double signal, uint32_t height);

}  // namespace tinct
