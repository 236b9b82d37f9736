#include "app/gui/ShrinkFrame.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "engine/Error.h"

namespace tinct {
namespace {

// sanitize.glsl's rule: NaN -> 0, +-Inf -> +-65504 (the largest half).
float sanitized(float v) {
    if (std::isnan(v)) return 0.0f;
    if (std::isinf(v)) return v > 0 ? 65504.0f : -65504.0f;
    return v;
}

}  // namespace

Frame shrinkFrame(const Frame& frame, int width) {
    if (frame.storage != PixelStorage::Float) throw Error("a thumbnail needs a float frame");
    if (frame.width <= 0 || frame.height <= 0) throw Error("a thumbnail needs a frame with pixels");
    const int w = std::clamp(width, 1, frame.width);
    const int h = std::clamp(int(std::lround(double(frame.height) * w / frame.width)), 1, frame.height);
    Frame out;
    out.width = w;
    out.height = h;
    out.rgba.assign(size_t(w) * h * 4, 0.0f);
    out.dataWindow = out.displayWindow = {0, 0, w - 1, h - 1};
    out.hasAlpha = frame.hasAlpha;

    // The source columns whose centres fall in each column of the small frame: a contiguous run
    // starting at first[x]. Rows likewise, summed one at a time so the frame is read once, in order.
    std::vector<int> first(size_t(w) + 1, frame.width);
    for (int x = frame.width - 1; x >= 0; --x) first[size_t(std::min(w - 1, int((x + 0.5) * w / frame.width)))] = x;
    for (int x = w - 1; x >= 0; --x) first[size_t(x)] = std::min(first[size_t(x)], first[size_t(x) + 1]);
    std::vector<double> sums(size_t(w) * 4, 0.0);
    int rows = 0, row = 0;
    auto emit = [&] {
        float* dst = &out.rgba[size_t(row) * w * 4];
        for (int x = 0; x < w; ++x)
            for (int c = 0; c < 4; ++c)
                dst[x * 4 + c] = float(sums[size_t(x) * 4 + c] / (double(first[size_t(x) + 1] - first[size_t(x)]) * rows));
        std::fill(sums.begin(), sums.end(), 0.0);
        rows = 0;
    };
    for (int y = 0; y < frame.height; ++y) {
        const int target = std::min(h - 1, int((y + 0.5) * h / frame.height));
        if (target != row && rows > 0) emit();
        row = target;
        const float* src = &frame.rgba[size_t(y) * frame.width * 4];
        for (int x = 0; x < w; ++x) {
            // A run of a few dozen values at most is summed in float, then added in double.
            float run[4] = {0, 0, 0, 0};
            for (int i = first[size_t(x)]; i < first[size_t(x) + 1]; ++i) {
                const float* p = &src[size_t(i) * 4];
                for (int c = 0; c < 4; ++c) run[c] += std::isfinite(p[c]) ? p[c] : sanitized(p[c]);
            }
            for (int c = 0; c < 4; ++c) sums[size_t(x) * 4 + c] += run[c];
        }
        ++rows;
    }
    if (rows > 0) emit();
    return out;
}

}  // namespace tinct
