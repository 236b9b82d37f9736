// Blur and sharpen between fused runs, against a Gaussian convolution computed here in double
// (separable, borders repeating the edge pixels).
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>

#include "engine/gpu/FrameSlots.h"
#include "engine/kernel/FrameProgram.h"
#include "engine/nodes/NodeTypes.h"
#include "tests/support/GpuFixture.h"
#include "tests/support/TestPixels.h"

using namespace tinct;
using namespace tinct::test;

namespace {

// The same Gaussian the shader uses: radius ceil(3 sigma), weights normalised.
std::vector<float> cpuBlur(const std::vector<float>& in, int w, int h, double sigma, double amount) {
    const int r = std::max(1, int(std::ceil(3 * sigma)));
    auto pass = [&](const std::vector<double>& src, bool vertical) {
        std::vector<double> out(src.size());
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x)
                for (int c = 0; c < 4; ++c) {
                    double sum = 0, total = 0;
                    for (int k = -r; k <= r; ++k) {
                        const int px = vertical ? x : std::clamp(x + k, 0, w - 1), py = vertical ? std::clamp(y + k, 0, h - 1) : y;
                        const double wt = std::exp(-double(k * k) / (2 * sigma * sigma));
                        sum += wt * src[(size_t(py) * w + px) * 4 + c];
                        total += wt;
                    }
                    out[(size_t(y) * w + x) * 4 + c] = sum / total;
                }
        return out;
    };
    const std::vector<double> original(in.begin(), in.end());
    const auto blurred = pass(pass(original, false), true);
    std::vector<float> out(in.size());
    for (size_t i = 0; i < in.size(); ++i)
        out[i] = i % 4 == 3 ? in[i] : float(original[i] + amount * (original[i] - blurred[i]));
    return out;
}

std::vector<float> image(int w, int h) {
    std::vector<float> px(size_t(w) * h * 4);
    uint32_t s = 99;
    for (size_t i = 0; i < px.size(); ++i) px[i] = i % 4 == 3 ? 1.0f : float((s = s * 1664525u + 1013904223u) >> 8) / float(1 << 24) * 2.0f - 0.2f;
    return px;
}

std::shared_ptr<const PointStep> node(const std::string& type, std::initializer_list<std::pair<const char*, double>> values) {
    NodeParams p = defaultParams(findNodeType(type)->params);
    for (const auto& [name, v] : values) p.set(name, v);
    return findNodeType(type)->makeStep(p, {});
}

// Sums of up to 19 weighted values in float: 1e-6 relative.
constexpr double kTolerance = 1e-5;

class FrameProgramTest : public GpuFixture {};

}  // namespace

TEST_F(FrameProgramTest, BlurIsAGaussianWithRepeatedEdges) {
    const int w = 37, h = 23;
    const auto px = image(w, h);
    const auto err = maxScaledError(runFrameOnGpu({node("blur", {{"sigma", 1.5}})}, px, w, h), cpuBlur(px, w, h, 1.5, -1));
    EXPECT_LE(err.error, kTolerance) << "pixel " << err.pixel;
}

TEST_F(FrameProgramTest, SharpenIsAnUnsharpMask) {
    const int w = 31, h = 29;
    const auto px = image(w, h);
    const auto err = maxScaledError(runFrameOnGpu({node("sharpen", {{"sigma", 1.0}, {"amount", 0.7}})}, px, w, h),
                                    cpuBlur(px, w, h, 1.0, 0.7));
    EXPECT_LE(err.error, kTolerance) << "pixel " << err.pixel;
}

TEST_F(FrameProgramTest, PointRunsBeforeAndAfterASpatialNode) {
    // Soft clip (a closed form), then blur, then soft clip again.
    const int w = 40, h = 20;
    const auto px = image(w, h);
    const auto clip = node("soft_clip", {{"knee", 0.6}, {"ceiling", 1.0}});
    auto softClip = [](std::vector<float> v) {
        for (size_t i = 0; i < v.size(); ++i)
            if (i % 4 != 3 && v[i] > 0.6f) v[i] = float(0.6 + 0.4 * (1 - std::exp(-(v[i] - 0.6) / 0.4)));
        return v;
    };
    const auto expected = softClip(cpuBlur(softClip(px), w, h, 2.0, -1));
    const auto err = maxScaledError(runFrameOnGpu({clip, node("blur", {{"sigma", 2.0}}), clip}, px, w, h), expected);
    EXPECT_LE(err.error, kTolerance) << "pixel " << err.pixel;
}
