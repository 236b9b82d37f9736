// Frames in time: the Evaluator against medians computed here over the frames a temporal step should
// see (clip ends mirrored, cuts and gaps separating shots, worked out by hand in this file, not by
// FrameSource), nested temporal steps, frames asked for in any order, and the ring: what it saves
// (the work upstream of a temporal step runs once per frame) and that it stays within its budget.
// Medians select one of their inputs, so every comparison is exact.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "engine/Error.h"
#include "engine/graph/Evaluator.h"
#include "engine/graph/FrameRunner.h"
#include "engine/graph/GradeCompiler.h"
#include "tests/support/GpuFixture.h"
#include "tests/support/MemorySource.h"

using namespace tinct;
using namespace tinct::test;

namespace {

constexpr int kW = 24, kH = 10;

PointSteps compile(const std::string& json) { return compileGrade(gradeFromJson(nlohmann::json::parse(json), "test"), ""); }

std::string medianGrade(int radius, const std::string& before = "", const std::string& after = "") {
    std::string nodes = before;
    const std::string input = before.empty() ? "source" : "pre";
    nodes += std::string(nodes.empty() ? "" : ",") + R"({"id": "med", "type": "temporal_median", "inputs": [")" + input +
             R"("], "params": {"radius": )" + std::to_string(radius) + "}}";
    if (!after.empty()) nodes += "," + after;
    return R"({"tinct_grade": 2, "nodes": [)" + nodes + "]}";
}

// The frames of `numbers` that frame n's neighbour at `offset` is, by hand: shots are the runs of
// consecutive numbers not broken by a cut, and offsets reflect at a shot's ends.
int64_t mirrored(const std::vector<int64_t>& numbers, const std::vector<int64_t>& cuts, int64_t n, int offset) {
    auto breaksBefore = [&](int64_t f) {
        return !std::count(numbers.begin(), numbers.end(), f - 1) || std::count(cuts.begin(), cuts.end(), f);
    };
    int64_t first = n, last = n;
    while (!breaksBefore(first)) --first;
    while (std::count(numbers.begin(), numbers.end(), last + 1) && !breaksBefore(last + 1)) ++last;
    if (first == last) return n;
    int64_t t = n + offset;
    while (t < first || t > last) t = t < first ? 2 * first - t : 2 * last - t;
    return t;
}

// Per pixel and channel, the median of `frames` of f at the given frame numbers.
std::vector<float> medianOf(const std::function<const std::vector<float>&(int64_t)>& f, const std::vector<int64_t>& at) {
    const size_t n = f(at.front()).size();
    std::vector<float> out(n), values(at.size());
    for (size_t i = 0; i < n; ++i) {
        for (size_t k = 0; k < at.size(); ++k) values[k] = f(at[k])[i];
        std::nth_element(values.begin(), values.begin() + long(values.size() / 2), values.end());
        out[i] = values[values.size() / 2];
    }
    return out;
}

class EvaluatorTest : public GpuFixture {};

TEST_F(EvaluatorTest, TemporalMedianIsTheMedianOfTheMirroredNeighboursWithinEachShot) {
    const std::vector<int64_t> numbers = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 13, 14, 20};  // gaps after 9 and 14
    const std::vector<int64_t> cuts = {6};
    const auto frames = randomFrames(numbers, kW, kH);
    for (int radius : {1, 2, 3}) {
        MemorySource source(frames);
        source.setCuts(cuts);
        Evaluator evaluator(gpu(), compile(medianGrade(radius)), source);
        ASSERT_TRUE(evaluator.temporal());
        FrameRunner runner(gpu(), evaluator, source);
        for (int64_t n : numbers) {
            std::vector<int64_t> at;
            for (int j = -radius; j <= radius; ++j) at.push_back(mirrored(numbers, cuts, n, j));
            const auto expected = medianOf([&](int64_t f) -> const std::vector<float>& { return frames.at(f).rgba; }, at);
            ASSERT_EQ(runner.run(n).rgba, expected) << "radius " << radius << ", frame " << n;
        }
    }
}

TEST_F(EvaluatorTest, NestedTemporalStepsSeeTheirInputsNeighbours) {
    // A median of 5 of a median of 3: the outer reads the inner at n-2 .. n+2, each of which reads
    // the source at its own neighbours; 2 x the source, before, checks the upstream part too (a channel
    // mixer doubling each channel: 2x + 0y + 0z is exact in float).
    const std::vector<int64_t> numbers = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    const auto frames = randomFrames(numbers, kW, kH, 3);
    MemorySource source(frames);
    const std::string json = R"({"tinct_grade": 2, "nodes": [
        {"id": "pre", "type": "channel_mixer", "params": {"red": [2, 0, 0], "green": [0, 2, 0], "blue": [0, 0, 2]}},
        {"id": "inner", "type": "temporal_median", "inputs": ["pre"], "params": {"radius": 1}},
        {"id": "outer", "type": "temporal_median", "inputs": ["inner"], "params": {"radius": 2}}]})";
    Evaluator evaluator(gpu(), compile(json), source);
    EXPECT_EQ(evaluator.reach(), 3u);
    FrameRunner runner(gpu(), evaluator, source);
    std::map<int64_t, std::vector<float>> doubled, inner;
    for (int64_t f : numbers) {
        doubled[f] = frames.at(f).rgba;
        for (size_t i = 0; i < doubled[f].size(); ++i)
            if (i % 4 != 3) doubled[f][i] *= 2;  // alpha untouched
    }
    for (int64_t f : numbers)
        inner[f] = medianOf([&](int64_t g) -> const std::vector<float>& { return doubled.at(g); },
                            {mirrored(numbers, {}, f, -1), f, mirrored(numbers, {}, f, 1)});
    for (int64_t n : numbers) {
        std::vector<int64_t> at;
        for (int j = -2; j <= 2; ++j) at.push_back(mirrored(numbers, {}, n, j));
        ASSERT_EQ(runner.run(n).rgba, medianOf([&](int64_t g) -> const std::vector<float>& { return inner.at(g); }, at))
            << "frame " << n;
    }
}

TEST_F(EvaluatorTest, TheUpstreamOfATemporalStepRunsOncePerFrame) {
    const int frames = 24;
    std::vector<int64_t> numbers;
    for (int n = 0; n < frames; ++n) numbers.push_back(n);
    MemorySource source(randomFrames(numbers, kW, kH));
    const auto steps = compile(medianGrade(2, R"({"id": "pre", "type": "cdl", "params": {"slope": [1.5, 1, 1]}})",
                                           R"({"id": "post", "type": "clamp", "inputs": ["med"]})"));
    Evaluator evaluator(gpu(), steps, source);
    FrameRunner runner(gpu(), evaluator, source);
    for (int64_t n : numbers) runner.run(n);
    // Two parts: the CDL before the median, once for each source frame as it comes in, and the
    // clamp after it, once for each output frame. Without the ring the CDL would run 5 times a frame.
    EXPECT_EQ(evaluator.partsRun(), uint64_t(2 * frames));
}

TEST_F(EvaluatorTest, FramesInAnyOrderEqualFramesInOrder) {
    std::vector<int64_t> numbers;
    for (int n = 0; n < 16; ++n) numbers.push_back(n);
    const auto frames = randomFrames(numbers, kW, kH, 9);
    const auto steps = compile(medianGrade(1, R"({"id": "pre", "type": "cdl", "params": {"saturation": 1.4}})"));
    std::map<int64_t, std::vector<float>> inOrder;
    {
        MemorySource source(frames);
        Evaluator evaluator(gpu(), steps, source);
        FrameRunner runner(gpu(), evaluator, source);
        for (int64_t n : numbers) inOrder[n] = runner.run(n).rgba;
    }
    std::vector<int64_t> order = numbers;
    std::shuffle(order.begin(), order.end(), std::mt19937(4));
    order.insert(order.end(), numbers.rbegin(), numbers.rend());
    MemorySource source(frames);
    EvaluatorOptions options;
    options.keepFrames = 0;  // the smallest ring: frames are given up and made again
    Evaluator evaluator(gpu(), steps, source, options);
    FrameRunner runner(gpu(), evaluator, source);
    for (int64_t n : order) ASSERT_EQ(runner.run(n).rgba, inOrder[n]) << "frame " << n;
}

TEST_F(EvaluatorTest, TheRingStaysWithinItsBudgetAndATooSmallBudgetIsAClearError) {
    std::vector<int64_t> numbers;
    for (int n = 0; n < 12; ++n) numbers.push_back(n);
    MemorySource source(randomFrames(numbers, kW, kH));
    const auto steps = compile(medianGrade(3, R"({"id": "pre", "type": "cdl", "params": {"slope": [1.5, 1, 1]}})"));
    const uint64_t frameBytes = uint64_t(kW) * kH * 16;
    {
        // The median of 7 needs 7 frames of its input at once; the source itself is not kept.
        EvaluatorOptions options;
        options.memoryBudget = 8 * frameBytes;
        Evaluator evaluator(gpu(), steps, source, options);
        FrameRunner runner(gpu(), evaluator, source);
        for (int64_t n : numbers) {
            runner.run(n);
            EXPECT_LE(evaluator.ringBytes(), options.memoryBudget) << "frame " << n;
        }
        EXPECT_GE(evaluator.ringBytes(), 7 * frameBytes);
    }
    EvaluatorOptions tight;
    tight.memoryBudget = 6 * frameBytes;
    Evaluator evaluator(gpu(), steps, source, tight);
    try {
        evaluator.prepare(kW, kH, {});
        FAIL() << "a ring too small for the footprint was accepted";
    } catch (const Error& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("7 frames"), std::string::npos) << what;
        EXPECT_NE(what.find("TINCT_GPU_MEMORY_MB"), std::string::npos) << what;
    }
}

TEST_F(EvaluatorTest, AGradeWithoutTimeIsOneProgramOnItsOwnFrame) {
    MemorySource source(randomFrames({0, 1, 2}, kW, kH));
    Evaluator evaluator(gpu(), compile(R"({"tinct_grade": 2, "nodes": [{"id": "a", "type": "cdl"}]})"), source);
    EXPECT_FALSE(evaluator.temporal());
    EXPECT_EQ(evaluator.reach(), 0u);
    EXPECT_EQ(evaluator.beginFrame(1), std::vector<int64_t>{1});
}

}  // namespace
