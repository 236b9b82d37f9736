#include "engine/render/RepairThumbnail.h"

#include <algorithm>
#include <cmath>

namespace tinct {

namespace {

// The frame pixels thumbnail pixel i of n covers along a side of `size` pixels.
std::pair<int, int> span(int i, int n, int size) {
    const int a = int(int64_t(i) * size / n), b = int(int64_t(i + 1) * size / n);
    return {a, std::max(b, a + 1)};
}

uint8_t toByte(double v) {
    if (!(v > 0)) return 0;  // NaN too
    return uint8_t(std::lround(std::min(v, 1.0) * 255.0));
}

}  // namespace

int thumbnailHeight(int width, int height, int thumbWidth) {
    return std::max(1, int(std::lround(double(height) * thumbWidth / std::max(width, 1))));
}

Thumbnail shrinkFrame(const Frame& frame, int thumbWidth) {
    Thumbnail t;
    t.width = std::min(thumbWidth, frame.width);
    t.height = std::min(thumbnailHeight(frame.width, frame.height, t.width), frame.height);
    t.rgb.resize(size_t(t.width) * t.height * 3);
    for (int ty = 0; ty < t.height; ++ty) {
        const auto [y0, y1] = span(ty, t.height, frame.height);
        for (int tx = 0; tx < t.width; ++tx) {
            const auto [x0, x1] = span(tx, t.width, frame.width);
            double sum[3] = {0, 0, 0};
            for (int y = y0; y < y1; ++y)
                for (int x = x0; x < x1; ++x) {
                    const float* p = &frame.rgba[(size_t(y) * frame.width + x) * 4];
                    for (int c = 0; c < 3; ++c) sum[c] += std::isfinite(p[c]) ? p[c] : 0.0f;
                }
            const double count = double(y1 - y0) * (x1 - x0);
            for (int c = 0; c < 3; ++c) t.rgb[(size_t(ty) * t.width + tx) * 3 + c] = toByte(sum[c] / count);
        }
    }
    return t;
}

void overlayMatte(Thumbnail& thumb, const PackedMatte& matte, Rgb8 colour) {
    for (int ty = 0; ty < thumb.height; ++ty) {
        const auto [y0, y1] = span(ty, thumb.height, int(matte.height));
        for (int tx = 0; tx < thumb.width; ++tx) {
            const auto [x0, x1] = span(tx, thumb.width, int(matte.width));
            bool repaired = false;
            for (int y = y0; y < y1 && !repaired; ++y)
                for (int x = x0; x < x1 && !repaired; ++x) repaired = matte.at(uint32_t(x), uint32_t(y));
            if (!repaired) continue;
            uint8_t* p = &thumb.rgb[(size_t(ty) * thumb.width + tx) * 3];
            for (int c = 0; c < 3; ++c) p[c] = uint8_t(std::lround(0.35 * p[c] + 0.65 * colour[c]));
        }
    }
}

}  // namespace tinct
