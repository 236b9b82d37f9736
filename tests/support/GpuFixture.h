#pragma once
// The GPU every test shares: one context per test process, validation layer always on. A test
// that causes a validation message fails in TearDown.
#include <gtest/gtest.h>

#include <memory>
#include <vector>

#include "engine/gpu/GpuContext.h"
#include "engine/graph/PointStep.h"

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

}  // namespace tinct::test
