// A baked LUT against rendering the same steps directly, within the interpolation error the LUT
// size allows: half the largest second difference of the lattice (linear interpolation is off by
// at most h^2/8 |f''| per axis, and the second difference over one step is h^2 f''; three axes
// contribute, so 3/8, rounded up to 1/2).
#include <gtest/gtest.h>

#include <cmath>

#include "engine/Error.h"
#include "engine/color/LutFile.h"
#include "engine/graph/GradeCompiler.h"
#include "engine/graph/GradeEditor.h"
#include "engine/graph/LutBaker.h"
#include "tests/support/GpuFixture.h"
#include "tests/support/TempDir.h"
#include "tests/support/TestPixels.h"

using namespace tinct;
using namespace tinct::test;

namespace {

PointSteps smoothGrade() {
    GradeEditor e;
    const auto p = e.addNode("primaries");
    e.setParam(p, "contrast", std::array<double, 4>{1.1, 1.0, 0.95, 1.05});
    const auto c = e.addNode("cdl");
    e.setParam(c, "slope", std::array<double, 4>{1.1, 1.0, 0.9, 0});
    e.setParam(c, "saturation", 1.2);
    e.addNode("soft_clip");
    return compileGrade(e.grade(), "");
}

double interpolationBound(const BakedLut& lut) {
    const int n = lut.options.size;
    auto at = [&](int r, int g, int b, int c) { return double(lut.lattice[(size_t(b) * n * n + size_t(g) * n + r) * 3 + c]); };
    double worst = 0;
    for (int b = 1; b < n - 1; ++b)
        for (int g = 1; g < n - 1; ++g)
            for (int r = 1; r < n - 1; ++r)
                for (int c = 0; c < 3; ++c) {
                    const double v = at(r, g, b, c);
                    worst = std::max({worst, std::fabs(at(r + 1, g, b, c) - 2 * v + at(r - 1, g, b, c)),
                                      std::fabs(at(r, g + 1, b, c) - 2 * v + at(r, g - 1, b, c)),
                                      std::fabs(at(r, g, b + 1, c) - 2 * v + at(r, g, b - 1, c))});
                }
    return 0.5 * worst + 1e-5;
}

class LutBakerTest : public GpuFixture {};

}  // namespace

TEST_F(LutBakerTest, BakedCubeMatchesTheDirectRender) {
    TempDir dir;
    const PointSteps steps = smoothGrade();
    BakeOptions options;
    options.size = 33;
    const BakedLut lut = bakeLut(gpu(), steps, options);
    for (const char* name : {"baked.cube", "baked.spi3d", "baked.clf"}) {
        writeBakedLut(dir.file(name), lut, "test");
        // Inputs inside the LUT's domain (0..1); the LUT clamps outside, the grade does not.
        auto pixels = colourProbePixels(false);
        for (float& v : pixels) v = std::clamp(v, 0.0f, 1.0f);
        const auto direct = runOnGpu(steps, pixels);
        const auto viaLut = runOnGpu({loadLut(dir.file(name), LutInterpolation::Tetrahedral)}, pixels);
        const auto err = maxRgbError(viaLut, direct);
        EXPECT_LE(err.error, interpolationBound(lut)) << name << " pixel " << err.pixel;
    }
}

TEST_F(LutBakerTest, AShaperCoversLinearInputToItsMaximum) {
    TempDir dir;
    const PointSteps steps = smoothGrade();
    BakeOptions options;
    options.shaper = true;
    const BakedLut lut = bakeLut(gpu(), steps, options);
    writeBakedLut(dir.file("linear.cube"), lut, "test");
    std::vector<float> pixels;
    for (int i = 0; i <= 300; ++i) {
        const float v = 0.001f * std::pow(16000.0f, i / 300.0f);  // 0.001 .. 16, evenly in stops
        pixels.insert(pixels.end(), {v, v * 0.8f, v * 0.6f, 1.0f});
    }
    const auto direct = runOnGpu(steps, pixels);
    const auto viaLut = runOnGpu({loadLut(dir.file("linear.cube"), LutInterpolation::Tetrahedral)}, pixels);
    // In shaper space the lattice is as smooth as for display input; the 4096-entry shaper adds
    // its own linear-interpolation error, far below that.
    const auto err = maxScaledError(viaLut, direct);
    EXPECT_LE(err.error, interpolationBound(lut) + 1e-4) << "pixel " << err.pixel;
    EXPECT_THROW(writeBakedLut(dir.file("linear.3dl"), lut, "test"), Error);  // .3dl has no shaper
    EXPECT_THROW(writeBakedLut(dir.file("linear.png"), lut, "test"), Error);
}
