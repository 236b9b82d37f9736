// The motion field the station draws, against motion known in closed form: two frames of a texture
// defined everywhere (tests/support/SyntheticFilm), the second shifted by a fraction of a pixel.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "engine/Error.h"
#include "engine/restore/MotionProbe.h"
#include "tests/support/GpuFixture.h"
#include "tests/support/SyntheticFilm.h"

using namespace tinct;
using namespace tinct::test;

namespace {

Frame shifted(int w, int h, double dx, double dy) {
    Frame f = makeFrame(w, h);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            float* p = &f.rgba[(size_t(y) * w + x) * 4];
            p[0] = p[1] = p[2] = filmTexture(x - dx, y - dy, 11), p[3] = 1;
        }
    return f;
}

class MotionProbeTest : public GpuFixture {};

TEST_F(MotionProbeTest, BlocksSayTheShiftEveryFewBlocksAtFullSize) {
    const double vx = 1.83, vy = -0.62;
    const MotionField field = probeMotion(gpu(), shifted(192, 144, 0, 0), shifted(192, 144, vx, vy), 32);
    EXPECT_EQ(field.blockPixels, 32u);
    ASSERT_EQ(field.blocks.size(), size_t(field.blocksX) * field.blocksY);
    EXPECT_EQ(field.blocksX, 6u);  // 48 blocks of 4 pixels across, every 8th
    int inside = 0;
    for (const MotionBlock& b : field.blocks) {
        if (b.x < 16 || b.y < 16 || b.x > 192 - 16 || b.y > 144 - 16) continue;  // the match leaves the frame
        ++inside;
        // Quarter-pixel search refined between quarters (MotionEstimatorTest: under 0.12 at the 95th
        // percentile); the field back meets the start within a quarter pixel.
        EXPECT_NEAR(b.dx, vx, 0.15) << b.x << "," << b.y;
        EXPECT_NEAR(b.dy, vy, 0.15) << b.x << "," << b.y;
        EXPECT_LE(b.miss, 0.3f);
    }
    EXPECT_GE(inside, 12);
}

TEST_F(MotionProbeTest, FramesOfDifferentSizesAreRefused) {
    EXPECT_THROW(probeMotion(gpu(), shifted(64, 48, 0, 0), shifted(48, 64, 0, 0)), Error);
}

}  // namespace
