// False colour and the range warning against their zone tables, written out here.
#include <gtest/gtest.h>

#include "engine/scopes/ViewerAids.h"
#include "tests/support/GpuFixture.h"

using namespace tinct;
using namespace tinct::test;

class ViewerAidsTest : public GpuFixture {};

TEST_F(ViewerAidsTest, FalseColourPaintsTheExposureZones) {
    // Greys at the middle of each zone (percent of signal) and the colour each must become.
    struct Zone {
        float percent;
        float r, g, b;
    };
    const Zone zones[] = {{1, 0.5f, 0, 0.6f},   {3, 0, 0.3f, 1},     {20, 0.2f, 0.2f, 0.2f}, {41, 0.1f, 0.8f, 0.1f},
                          {50, 0.5f, 0.5f, 0.5f}, {60, 1, 0.55f, 0.7f}, {80, 0.8f, 0.8f, 0.8f}, {98, 1, 1, 0},
                          {105, 1, 0, 0}};
    std::vector<float> px;
    for (const auto& z : zones) px.insert(px.end(), {z.percent / 100, z.percent / 100, z.percent / 100, 1});
    const auto out = runOnGpu({std::make_shared<FalseColourStep>()}, px);
    for (size_t i = 0; i < std::size(zones); ++i) {
        EXPECT_NEAR(out[i * 4], zones[i].r, 1e-5) << zones[i].percent << "%";
        EXPECT_NEAR(out[i * 4 + 1], zones[i].g, 1e-5) << zones[i].percent << "%";
        EXPECT_NEAR(out[i * 4 + 2], zones[i].b, 1e-5) << zones[i].percent << "%";
    }
}

TEST_F(ViewerAidsTest, RangeWarningFlagsOnlyPixelsOutsideZeroToOne) {
    const std::vector<float> px = {0.5f, 0.2f, 0.9f, 1,  1.2f, 0.5f, 0.5f, 1,  0.5f, -0.01f, 0.5f, 1,  0, 1, 0, 0.5f};
    const auto out = runOnGpu({std::make_shared<RangeWarningStep>()}, px);
    const std::vector<float> expected = {0.5f, 0.2f, 0.9f, 1,  1, 0, 0, 1,  0, 1, 1, 1,  0, 1, 0, 0.5f};
    EXPECT_EQ(out, expected);
}
