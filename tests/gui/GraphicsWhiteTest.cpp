// The station's own colours on an HDR10 window: sRGB code values shown as an SDR display would,
// white at BT.2408 graphics white, as PQ code values in Rec.2020.
#include <gtest/gtest.h>

#include "app/gui/GraphicsWhite.h"
#include "tests/support/HdrOracle.h"

namespace tinct::test {
namespace {

TEST(GraphicsWhite, TheOracleMatchesPublishedPqValues) {
    // ITU-R BT.2100 / BT.2408 tables, to the 4 digits they are published with.
    EXPECT_NEAR(pqSignal(100), 0.5081, 1e-4);
    EXPECT_NEAR(pqSignal(203), 0.5807, 1e-4);  // BT.2408: graphics white at 58 % of the PQ signal
    EXPECT_NEAR(pqSignal(1000), 0.7518, 1e-4);
    EXPECT_NEAR(pqSignal(10000), 1.0, 1e-12);
    EXPECT_NEAR(pqSignal(0), 7.3e-7, 1e-7);  // c1^m2: ST 2084's signal for black is not exactly 0
}

TEST(GraphicsWhite, WhiteGoesToGraphicsWhiteAndColoursKeepTheirRec709Chromaticity) {
    const auto white = sdrToGraphicsWhitePq({1.0, 1.0, 1.0});
    for (double c : white) EXPECT_NEAR(c, pqSignal(203), 1e-6);
    // The oracle's matrix has BT.2087's 4 published digits, the station's 9: its small entries
    // differ by up to 0.05 %, which moves a dark channel's PQ code by up to 2e-4. Within 3e-4: under
    // a third of a 10-bit code (9.8e-4).
    for (const std::array<double, 3> colour :
         {std::array<double, 3>{0.08, 0.08, 0.08}, {1.0, 0.0, 0.0}, {0.0, 1.0, 0.0}, {0.0, 0.0, 1.0}, {0.9, 0.6, 0.1},
          {0.02, 0.03, 0.04}}) {
        const auto got = sdrToGraphicsWhitePq(colour), expected = uiColourAsPq(colour);
        for (int c = 0; c < 3; ++c) EXPECT_NEAR(got[size_t(c)], expected[size_t(c)], 3e-4) << colour[0] << " channel " << c;
    }
}

TEST(GraphicsWhite, ImGuiColoursKeepTheirAlphaAndChannelOrder) {
    // IM_COL32(r, g, b, a): R in the low byte. A pure red keeps its alpha and becomes PQ Rec.2020.
    const uint32_t red = 255u | (0u << 8) | (0u << 16) | (128u << 24);
    const uint32_t got = sdrToGraphicsWhitePq(red);
    EXPECT_EQ(got >> 24, 128u);
    const auto expected = uiColourAsPq({1.0, 0.0, 0.0});
    for (int c = 0; c < 3; ++c)
        EXPECT_NEAR(double((got >> (8 * c)) & 255u), expected[size_t(c)] * 255.0, 0.5 + 1e-3) << "channel " << c;
    // Black stays at PQ's black, which rounds to code 0.
    EXPECT_EQ(sdrToGraphicsWhitePq(0xff000000u), 0xff000000u);
}

}  // namespace
}  // namespace tinct::test
