// Grades beyond serial chains: parallel and layer mixers, mattes limiting nodes, spatial steps
// inside branches. Oracles: the mixer and blend formulas in double (W3C Compositing and Blending
// Level 1 for screen, overlay and soft light), and the same graph run node by node.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>

#include "engine/Error.h"
#include "engine/gpu/FrameSlots.h"
#include "engine/gpu/ShaderCompiler.h"
#include "engine/kernel/FrameProgram.h"
#include "engine/graph/GradeCompiler.h"
#include "engine/kernel/StagePlan.h"
#include "tests/support/GpuFixture.h"
#include "tests/support/TestPixels.h"

using namespace tinct;
using namespace tinct::test;

namespace {

constexpr uint32_t kW = 24, kH = 16;

PointSteps compile(const std::string& json) { return compileGrade(gradeFromJson(nlohmann::json::parse(json), "test"), ""); }

// Colours from -0.2 to 1.5 so blend modes meet values below 0, within 0..1 and above 1.
std::vector<float> frame() {
    std::vector<float> px(size_t(kW) * kH * 4);
    uint32_t s = 7;
    for (size_t i = 0; i < px.size(); ++i)
        px[i] = i % 4 == 3 ? 0.75f : float((s = s * 1664525u + 1013904223u) >> 8) / float(1 << 24) * 1.7f - 0.2f;
    return px;
}

// A CDL with slope only: c x slope, a closed form.
std::string scale(const std::string& id, double slope, const std::string& input, const std::string& extra = "") {
    return R"({"id": ")" + id + R"(", "type": "cdl", "inputs": [")" + input + R"("], "params": {"slope": [)" +
           std::to_string(slope) + "," + std::to_string(slope) + "," + std::to_string(slope) + "]}" + extra + "}";
}

double blend(int mode, double a, double b) {
    switch (mode) {
        case 1: return a + b;
        case 2: return a - b;
        case 3: return a * b;
        case 4: return 1 - (1 - a) * (1 - b);
        case 5: return a <= 0.5 ? 2 * a * b : 1 - 2 * (1 - a) * (1 - b);
        case 6: {
            if (b <= 0.5) return a - (1 - 2 * b) * a * (1 - a);
            const double d = a <= 0.25 ? ((16 * a - 12) * a + 4) * a : std::sqrt(std::max(a, 0.0));
            return a + (2 * b - 1) * (d - a);
        }
        case 7: return std::abs(a - b);
        case 8: return std::max(a, b);
        case 9: return std::min(a, b);
        default: return b;
    }
}

const char* const kModes[] = {"normal", "add", "subtract", "multiply", "screen", "overlay", "soft light", "difference", "lighten", "darken"};

class GraphTest : public GpuFixture {};

}  // namespace

TEST_F(GraphTest, LayerMixerBlendsEachModeWithinTheLayersKey) {
    const auto px = frame();
    for (int mode = 0; mode < 10; ++mode) {
        // Bottom: source x 0.8; top: source x 1.3 at opacity 0.7 (its key).
        const auto steps = compile(R"({"tinct_grade": 2, "output": "mix", "nodes": [)" + scale("bottom", 0.8, "source") + "," +
                                   scale("top", 1.3, "source", R"(, "opacity": 0.7)") +
                                   R"(, {"id": "mix", "type": "layer_mixer", "inputs": ["bottom", "top"], "params": {"mode": ")" +
                                   kModes[mode] + R"("}}]})");
        const auto out = runFrameOnGpu(steps, px, kW, kH);
        std::vector<float> expected(px.size());
        for (size_t i = 0; i < px.size(); ++i) {
            const double a = 0.8 * double(px[i]), b = 1.3 * double(px[i]);
            expected[i] = i % 4 == 3 ? px[i] : float(a + 0.7 * (blend(mode, a, b) - a));
        }
        // Float arithmetic on values up to ~2 and a sqrt: 2e-6 scaled.
        EXPECT_LE(maxScaledError(out, expected).error, 2e-6) << kModes[mode];
    }
}

TEST_F(GraphTest, ParallelMixerAddsEachBranchsChangeOrAverages) {
    const auto px = frame();
    const std::string branches = scale("split", 1.1, "source") + "," + scale("a", 0.5, "split") + "," + scale("b", 2.0, "split") + ",";
    const auto add = compile(R"({"tinct_grade": 2, "nodes": [)" + branches +
                             R"({"id": "mix", "type": "parallel_mixer", "inputs": ["a", "b", "split"]}]})");
    const auto mean = compile(R"({"tinct_grade": 2, "nodes": [)" + branches +
                              R"({"id": "mix", "type": "parallel_mixer", "inputs": ["a", "b"], "params": {"mode": "average"}}]})");
    const auto outAdd = runFrameOnGpu(add, px, kW, kH), outMean = runFrameOnGpu(mean, px, kW, kH);
    std::vector<float> expectAdd(px.size()), expectMean(px.size());
    for (size_t i = 0; i < px.size(); ++i) {
        const double s = 1.1 * double(px[i]), a = 0.5 * s, b = 2.0 * s;
        expectAdd[i] = i % 4 == 3 ? px[i] : float(s + (a - s) + (b - s) + 0.0);  // the split itself adds no change
        expectMean[i] = i % 4 == 3 ? px[i] : float((a + b) / 2);
    }
    EXPECT_LE(maxScaledError(outAdd, expectAdd).error, 1e-6);
    EXPECT_LE(maxScaledError(outMean, expectMean).error, 1e-6);
}

TEST_F(GraphTest, AMatteLimitsANodeToItsKey) {
    // A hard window over the left half (a rectangle 1 wide centred at x = 0.25, taller than the
    // frame): the node grades there and leaves the rest as it was.
    const auto px = frame();
    const auto steps = compile(R"({"tinct_grade": 2, "output": "g", "nodes": [
        {"id": "w", "type": "window", "params": {"shape": "rectangle", "center_x": 0.25, "size": 2,
         "aspect": )" + std::to_string(0.5 * kW / kH / 2) + R"(, "outer_soft": 0}},)" +
                               scale("g", 0.25, "source", R"(, "matte": "w")") + "]}");
    const auto out = runFrameOnGpu(steps, px, kW, kH);
    std::vector<float> expected(px);
    for (uint32_t y = 0; y < kH; ++y)
        for (uint32_t x = 0; x < kW / 2; ++x)
            for (int c = 0; c < 3; ++c) expected[(y * kW + x) * 4 + c] *= 0.25f;
    EXPECT_LE(maxScaledError(out, expected).error, 1e-6);
}

TEST_F(GraphTest, FusedEqualsNodeByNodeForAGraphWithMixersMattesAndABlurInABranch) {
    // A glow: a qualifier keys the highlights, a blurred branch is screened over the graded image,
    // and a parallel pair of corrections is limited by a soft ellipse window.
    const std::string json = R"({"tinct_grade": 2, "output": "out", "nodes": [
        {"id": "base", "type": "primaries", "params": {"style": "lin", "exposure": [0, 0, 0, 0.3]}},
        {"id": "hi", "type": "qualifier", "inputs": ["base"], "params": {"mode": "luma", "lum_low": 0.8, "lum_high": 100, "lum_soft": 0.2}},
        {"id": "glow", "type": "blur", "inputs": ["base"], "params": {"sigma": 1.5}, "matte": "hi"},
        {"id": "layers", "type": "layer_mixer", "inputs": ["base", "glow"], "params": {"mode": "screen"}},
        {"id": "win", "type": "window", "params": {"size": 0.8, "aspect": 1.4, "inner_soft": 0.1, "outer_soft": 0.2, "rotation": 20}},
        {"id": "warm", "type": "cdl", "inputs": ["layers"], "params": {"slope": [1.1, 1.0, 0.9]}, "matte": "win"},
        {"id": "sat", "type": "cdl", "inputs": ["layers"], "params": {"saturation": 1.3}, "opacity": 0.6},
        {"id": "out", "type": "parallel_mixer", "inputs": ["warm", "sat"]}]})";
    const auto steps = compile(json);
    const auto px = frame();
    const auto fused = runFrameOnGpu(steps, px, kW, kH);
    const auto unfused = runNodeByNode(steps, px, kW, kH);
    EXPECT_LE(maxScaledError(fused, unfused).error, 1e-6);

    // The blur's input is computed once into a frame; everything else fuses around it.
    const StagePlan plan = planStages(PixelProgram::serial(steps));
    EXPECT_EQ(plan.frames.size(), 1u);
    EXPECT_EQ(plan.kernels.size(), 2u);
}

TEST_F(GraphTest, BypassedMixerAndMatteNodesPassTheirInputOn) {
    const auto px = frame();
    const auto steps = compile(R"({"tinct_grade": 2, "output": "mix", "nodes": [
        {"id": "w", "type": "window", "bypass": true},)" + scale("a", 2.0, "source", R"(, "matte": "w")") + "," +
                               scale("b", 3.0, "source") +
                               R"(, {"id": "mix", "type": "layer_mixer", "inputs": ["a", "b"], "bypass": true}]})");
    std::vector<float> expected(px);
    for (size_t i = 0; i < px.size(); ++i)
        if (i % 4 != 3) expected[i] = 2.0f * px[i];
    EXPECT_LE(maxScaledError(runFrameOnGpu(steps, px, kW, kH), expected).error, 1e-6);
}

TEST(GraphPlan, SerialGradesStayOneKernelAndPlansNameTheirSteps) {
    const auto serial = compile(R"({"tinct_grade": 1, "nodes": [{"id": "a", "type": "cdl"}, {"id": "b", "type": "clamp", "inputs": ["a"]}]})");
    EXPECT_EQ(serial.size(), 2u);  // a chain compiles to its steps, no graph
    const StagePlan plan = planStages(PixelProgram::serial(serial));
    EXPECT_EQ(plan.order.size(), 1u);
    EXPECT_NE(plan.describe().find("clamp"), std::string::npos);
}

TEST_F(GraphTest, AParameterEditUpdatesTheProgramInPlaceAndAStructureEditIsRefused) {
    const auto px = frame();
    auto grade = [](double slope, const std::string& mode) {
        return compile(R"({"tinct_grade": 2, "output": "mix", "nodes": [)" + scale("bottom", 0.8, "source") + "," +
                       scale("top", slope, "source", R"(, "opacity": 0.5)") +
                       R"(, {"id": "mix", "type": "layer_mixer", "inputs": ["bottom", "top"], "params": {"mode": ")" + mode + R"("}}]})");
    };
    FrameProgram program(gpu(), grade(1.3, "screen"));
    const size_t compiled = shaderCompilationCount();
    const auto edited = grade(2.0, "multiply");  // values and blend mode: parameters, not structure
    ASSERT_TRUE(program.update(edited));
    EXPECT_EQ(shaderCompilationCount(), compiled);
    program.prepare({}, kW, kH);
    FrameSlots slots(gpu(), 1, [&](VkCommandBuffer cmd, VkBuffer src, VkBuffer dst) { program.record(cmd, src, dst, kW, kH, {}); });
    const auto* out = static_cast<const float*>(slots.run(px.data(), px.size() * 4, px.size() * 4));
    EXPECT_LE(maxScaledError(std::vector<float>(out, out + px.size()), runFrameOnGpu(edited, px, kW, kH)).error, 0.0);

    EXPECT_FALSE(program.update(compile(R"({"tinct_grade": 2, "nodes": [{"id": "a", "type": "cdl"}]})")));
}
