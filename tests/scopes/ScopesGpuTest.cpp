// The GPU scopes against counts and positions computed here on the CPU from the same pixels.
#include <gtest/gtest.h>

#include <png.h>

#include <cmath>
#include <cstring>

#include "engine/gpu/FrameSlots.h"
#include "engine/kernel/FusedKernel.h"
#include "engine/scopes/ScopeEngine.h"
#include "engine/scopes/ScopeOverlays.h"
#include "tests/support/GpuFixture.h"

using namespace tinct;
using namespace tinct::test;

namespace {

struct Result {
    ScopeData data;
    std::vector<ScopeImage> images;
};

// RGBA32F pixels of a width x height frame through the scopes, as the scopes command runs them.
Result scope(const ScopeOptions& options, const std::vector<float>& rgba, uint32_t width, uint32_t height) {
    GpuContext& gpu = sharedGpu();
    FusedKernel kernel(gpu, PointSteps{});
    ScopeEngine scopes(gpu, options);
    FrameSlots slots(gpu, 1, [&](VkCommandBuffer cmd, VkBuffer src, VkBuffer dst) {
        kernel.record(cmd, src, dst, width * height, {});
        scopes.record(cmd, dst, width, height);
    });
    slots.run(rgba.data(), rgba.size() * 4, rgba.size() * 4);
    return {scopes.data(), scopes.images()};
}

double luma709(double r, double g, double b) { return 0.2126 * r + 0.7152 * g + 0.0722 * b; }

class ScopesGpuTest : public GpuFixture {};

}  // namespace

TEST_F(ScopesGpuTest, HistogramCountsEqualACpuCount) {
    // Values at bin centres, jittered by less than half a bin, so no value sits on an edge (where
    // float rounding may legitimately pick either bin); plus negatives, values above 1 and 1.0
    // itself, which belongs to the last bin.
    const uint32_t width = 331, height = 97, bins = 256;
    std::vector<float> px(size_t(width) * height * 4);
    uint32_t state = 7;
    auto next = [&] { return (state = state * 1664525u + 1013904223u) >> 8; };
    for (size_t i = 0; i < px.size(); i += 4) {
        for (int c = 0; c < 3; ++c) {
            const uint32_t pick = next() % (bins + 8);
            const float jitter = (float(next() % 1000) / 1000.0f - 0.5f) * 0.6f;
            px[i + c] = pick < bins ? (pick + 0.5f + jitter) / bins : pick < bins + 3 ? -0.25f : pick < bins + 6 ? 1.5f : 1.0f;
        }
        px[i + 3] = 1.0f;
    }
    ScopeOptions options;
    options.kinds = {ScopeKind::Histogram};
    options.bins = int(bins);
    const Result r = scope(options, px, width, height);

    std::vector<uint32_t> expected(4 * bins, 0);
    uint32_t under[4] = {}, over[4] = {};
    size_t lumaNearEdge = 0;
    for (size_t i = 0; i < px.size(); i += 4) {
        const double v[4] = {px[i], px[i + 1], px[i + 2], luma709(px[i], px[i + 1], px[i + 2])};
        for (int c = 0; c < 4; ++c) {
            if (v[c] < 0) under[c]++;
            else if (v[c] > 1) over[c]++;
            else expected[c * bins + std::min<uint32_t>(uint32_t(v[c] * bins), bins - 1)]++;
            if (c == 3 && std::fabs(v[c] * bins - std::round(v[c] * bins)) < 1e-4) lumaNearEdge++;
        }
    }
    for (int c = 0; c < 3; ++c) {
        EXPECT_EQ(r.data.underflow[c], under[c]);
        EXPECT_EQ(r.data.overflow[c], over[c]);
        for (uint32_t b = 0; b < bins; ++b)
            ASSERT_EQ(r.data.histogram[c * bins + b], expected[c * bins + b]) << "channel " << c << " bin " << b;
    }
    // Luma is computed, so a few values can land within float rounding of an edge: the counts may
    // move between neighbouring bins by at most that many.
    size_t moved = 0;
    for (uint32_t b = 0; b < bins; ++b)
        moved += std::abs(int64_t(r.data.histogram[3 * bins + b]) - int64_t(expected[3 * bins + b]));
    EXPECT_LE(moved, 2 * lumaNearEdge);
    EXPECT_EQ(r.data.underflow[3] + r.data.overflow[3], under[3] + over[3]);
}

TEST_F(ScopesGpuTest, WaveformCountsEqualACpuCount) {
    // A grey ramp across the frame, one value per column, at the centre of its waveform level.
    const uint32_t width = 640, height = 50;
    ScopeOptions options;
    options.kinds = {ScopeKind::Waveform};
    options.width = 320;
    options.height = 256;
    const uint32_t levels = 256, columns = 320;
    std::vector<float> px(size_t(width) * height * 4);
    std::vector<uint32_t> levelOf(width);
    for (uint32_t x = 0; x < width; ++x) {
        levelOf[x] = uint32_t(20 + (x * 200) / width);
        const float v = kWaveformLow + (levelOf[x] + 0.5f) * (kWaveformHigh - kWaveformLow) / levels;
        for (uint32_t y = 0; y < height; ++y) {
            float* p = &px[(size_t(y) * width + x) * 4];
            p[0] = p[1] = p[2] = v;
            p[3] = 1.0f;
        }
    }
    const Result r = scope(options, px, width, height);
    ASSERT_EQ(r.data.columns, int(columns));
    ASSERT_EQ(r.data.levels, int(levels));
    // Frame column x falls in scope column x * columns / width; each of its pixels counts once.
    std::vector<uint32_t> expected(size_t(levels) * columns, 0);
    for (uint32_t x = 0; x < width; ++x) expected[size_t(levelOf[x]) * columns + (x * columns) / width] += height;
    for (uint32_t ch = 0; ch < 4; ++ch)
        for (uint32_t l = 0; l < levels; ++l)
            for (uint32_t c = 0; c < columns; ++c)
                ASSERT_EQ(r.data.waveform[(size_t(ch) * levels + l) * columns + c], expected[size_t(l) * columns + c])
                    << "channel " << ch << " level " << l << " column " << c;

}

TEST_F(ScopesGpuTest, ColourBarsLandOnTheirVectorscopeTargets) {
    // 75% and 100% bars, 40 x 30 pixels each: every pixel of a bar falls in the target's cell.
    const auto targets = vectorscopeTargets(CbCrMatrix::Rec709);
    const uint32_t barWidth = 40, height = 30, width = barWidth * uint32_t(targets.size());
    std::vector<float> px(size_t(width) * height * 4);
    const char* names[] = {"red", "magenta", "blue", "cyan", "green", "yellow"};
    const float rgb[6][3] = {{1, 0, 0}, {1, 0, 1}, {0, 0, 1}, {0, 1, 1}, {0, 1, 0}, {1, 1, 0}};
    for (uint32_t x = 0; x < width; ++x) {
        const auto& t = targets[x / barWidth];
        int k = 0;
        while (t.name != names[k]) ++k;
        for (uint32_t y = 0; y < height; ++y) {
            float* p = &px[(size_t(y) * width + x) * 4];
            for (int c = 0; c < 3; ++c) p[c] = rgb[k][c] * float(t.level);
            p[3] = 1.0f;
        }
    }
    ScopeOptions options;
    options.kinds = {ScopeKind::Vectorscope};
    options.height = 512;
    const Result r = scope(options, px, width, height);
    const uint32_t size = uint32_t(r.data.gridSize);
    for (const auto& t : targets) {
        const PixelPoint at = vectorscopePixel(t.position, 1, size);
        const uint32_t column = uint32_t(at.x), row = uint32_t(at.y);
        EXPECT_EQ(r.data.vectorscope[size_t(row) * size + column], barWidth * height) << t.name << " " << t.level;
    }
}

TEST_F(ScopesGpuTest, ARec709PrimaryLandsOnItsCieTriangleCorner) {
    const uint32_t width = 64, height = 16;
    std::vector<float> px(size_t(width) * height * 4, 0.0f);
    for (size_t i = 0; i < px.size(); i += 4) px[i] = 0.5f, px[i + 3] = 1.0f;  // linear red, Rec.709 primaries
    ScopeOptions options;
    options.kinds = {ScopeKind::Cie};
    options.height = 512;
    const Result r = scope(options, px, width, height);
    const ScopeImage& image = r.images.at(0);
    const PixelPoint corner = ciePixel({0.64, 0.33}, 512);
    // The brightest trace pixel (not on an outline: the trace is white, outlines are coloured or
    // grey and dimmer) must be the corner's cell.
    const uint8_t* p = &image.rgba[(size_t(corner.y) * image.width + size_t(corner.x)) * 4];
    EXPECT_GT(p[0], 200) << "the red corner is not lit";
    size_t litElsewhere = 0;
    for (int y = 0; y < image.height; ++y)
        for (int x = 0; x < image.width; ++x) {
            const uint8_t* q = &image.rgba[(size_t(y) * image.width + x) * 4];
            const bool far = std::hypot(x - corner.x, y - corner.y) > 2;
            if (far && q[0] > 240 && q[1] > 240 && q[2] > 240) litElsewhere++;
        }
    EXPECT_EQ(litElsewhere, 0u);
}
