#include "engine/media/YuvCoefficients.h"

#include <cmath>

namespace tinct {

LumaWeights lumaWeights(YuvMatrix matrix) {
    switch (matrix) {
        case YuvMatrix::Bt601: return {0.299f, 0.114f};
        case YuvMatrix::Bt709: return {0.2126f, 0.0722f};
        case YuvMatrix::Bt2020: return {0.2627f, 0.0593f};
    }
    return {0.2126f, 0.0722f};
}

CodeRange codeRange(const PlaneLayout& layout) {
    const float depth = float(layout.comp[0].depth);
    const float full = float((1u << layout.comp[0].depth) - 1u);
    if (layout.rgb || layout.fullRange) return {0.0f, full, std::ldexp(1.0f, int(depth) - 1), full};
    // Video levels: black 16, white 235, chroma 128 +- 112, scaled to the bit depth.
    const float unit = std::ldexp(1.0f, int(depth) - 8);
    return {16.0f * unit, 219.0f * unit, 128.0f * unit, 224.0f * unit};
}

void chromaSiting(const PlaneLayout& layout, float& x, float& y) {
    const float fx = float(1 << layout.log2ChromaWidth), fy = float(1 << layout.log2ChromaHeight);
    const float centreX = (fx - 1.0f) / 2.0f, centreY = (fy - 1.0f) / 2.0f;
    switch (layout.siting) {
        case ChromaSiting::Left: x = 0.0f, y = centreY; break;
        case ChromaSiting::Center: x = centreX, y = centreY; break;
        case ChromaSiting::TopLeft: x = 0.0f, y = 0.0f; break;
    }
}

}  // namespace tinct
