#pragma once
// Pixels that find the edges of a colour operation: grey ramps from negative to well above 1,
// saturated primaries and secondaries, deterministic pseudo-random colours, and NaN / Inf.
#include <cstddef>
#include <functional>
#include <vector>

namespace tinct::test {

// RGBA32F pixels; alpha varies too so that pass-through of alpha is checked.
std::vector<float> colourProbePixels(bool withNonFinite = true);

// The documented substitution of shaders/snippets/sanitize.glsl, written independently here:
// NaN -> 0, +-Inf -> +-65504.
float sanitized(float v);

// Largest |a - b| over RGB of all pixels (alpha compared exactly elsewhere); reports the pixel.
// Images of different sizes differ infinitely.
struct MaxError {
    double error = 0;
    size_t pixel = 0;
};
MaxError maxRgbError(const std::vector<float>& a, const std::vector<float>& b);

}  // namespace tinct::test

namespace tinct::test {

// Largest |a - b| / max(1, |b|) over RGB: absolute below 1, relative above, as float arithmetic is.
MaxError maxScaledError(const std::vector<float>& a, const std::vector<float>& reference);

}  // namespace tinct::test
