#pragma once
// The GPU every test shares: one context per test process, validation layer always on. A test
// that causes a validation message fails in TearDown.
#include <gtest/gtest.h>

#include <memory>
#include <vector>

#include "engine/gpu/GpuContext.h"
#include "engine/kernel/PointStep.h"

namespace tinct::test {

GpuContext& sharedGpu();

class GpuFixture : public ::testing::Test {
protected:
    void SetUp() override;
    void TearDown() override;
    GpuContext& gpu() { return sharedGpu(); }

private:
    size_t messagesBefore_ = 0;
};

// Runs `rgba` (RGBA32F pixels) through one fused kernel of `steps` on the shared GPU.
std::vector<float> runOnGpu(const PointSteps& steps, const std::vector<float>& rgba);

// Runs a w x h frame through `steps` as a render does (the Evaluator: fused kernels, frame steps).
std::vector<float> runFrameOnGpu(const PointSteps& steps, const std::vector<float>& rgba, uint32_t w, uint32_t h);

// The same, unfused: every instruction of the steps' pixel program as a kernel of its own, its
// arguments read back from whole frames in memory. What the fused kernels must equal.
std::vector<float> runNodeByNode(const PointSteps& steps, const std::vector<float>& rgba, uint32_t w, uint32_t h);

}  // namespace tinct::test
