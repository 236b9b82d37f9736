// The station's swapchain format rule with made-up surface offers: what real drivers offer (8-bit
// sRGB only on most X11 screens, 10-bit on depth-30 ones, HDR10 where a compositor and display
// have it) and what must be refused.
#include <gtest/gtest.h>

#include "app/gui/SurfaceFormatChoice.h"

namespace tinct::test {
namespace {

constexpr VkColorSpaceKHR kSrgb = VK_COLOR_SPACE_SRGB_NONLINEAR_KHR;
constexpr VkColorSpaceKHR kHdr10 = VK_COLOR_SPACE_HDR10_ST2084_EXT;

SurfaceOffer offer(std::vector<VkSurfaceFormatKHR> formats, bool extended = true) { return {std::move(formats), extended}; }

TEST(SurfaceFormatChoice, SdrTakesAnEightBitUnormFormatAndNeverAnSrgbOne) {
    // Lavapipe on a 24-bit X screen: the _SRGB format comes first and must be passed over, since it
    // would encode the viewer's display code values a second time.
    const auto r = chooseSurfaceFormat(offer({{VK_FORMAT_B8G8R8A8_SRGB, kSrgb}, {VK_FORMAT_B8G8R8A8_UNORM, kSrgb}}),
                                       SwapchainSignal::Sdr);
    ASSERT_TRUE(r.choice) << r.whyNot;
    EXPECT_EQ(r.choice->format.format, VK_FORMAT_B8G8R8A8_UNORM);
    EXPECT_EQ(r.choice->format.colorSpace, kSrgb);
    EXPECT_EQ(r.choice->packing, WindowPacking::Bgra8);
    EXPECT_EQ(r.choice->signal, SwapchainSignal::Sdr);

    const auto rgba = chooseSurfaceFormat(offer({{VK_FORMAT_R8G8B8A8_SRGB, kSrgb}, {VK_FORMAT_R8G8B8A8_UNORM, kSrgb}}),
                                          SwapchainSignal::Sdr);
    ASSERT_TRUE(rgba.choice);
    EXPECT_EQ(rgba.choice->packing, WindowPacking::Rgba8);
}

TEST(SurfaceFormatChoice, SdrPrefersTenBitsWhereOffered) {
    // Lavapipe on a depth-30 X screen offers only A2R10G10B10; other drivers list 10-bit beside 8-bit.
    const auto only = chooseSurfaceFormat(offer({{VK_FORMAT_A2R10G10B10_UNORM_PACK32, kSrgb}}), SwapchainSignal::Sdr);
    ASSERT_TRUE(only.choice) << only.whyNot;
    EXPECT_EQ(only.choice->packing, WindowPacking::A2R10G10B10);

    const auto both = chooseSurfaceFormat(offer({{VK_FORMAT_B8G8R8A8_UNORM, kSrgb},
                                                 {VK_FORMAT_A2B10G10R10_UNORM_PACK32, kSrgb},
                                                 {VK_FORMAT_A2B10G10R10_UNORM_PACK32, kHdr10}}),
                                          SwapchainSignal::Sdr);
    ASSERT_TRUE(both.choice);
    EXPECT_EQ(both.choice->format.format, VK_FORMAT_A2B10G10R10_UNORM_PACK32);
    EXPECT_EQ(both.choice->format.colorSpace, kSrgb);  // SDR never gets the HDR10 colour space
    EXPECT_EQ(both.choice->packing, WindowPacking::A2B10G10R10);
    EXPECT_EQ(describeChoice(*both.choice), "SDR, 10-bit (A2B10G10R10_UNORM_PACK32 / SRGB_NONLINEAR)");
}

TEST(SurfaceFormatChoice, Hdr10TakesTheSt2084ColourSpaceInATenBitFormat) {
    const auto r = chooseSurfaceFormat(offer({{VK_FORMAT_B8G8R8A8_UNORM, kSrgb},
                                              {VK_FORMAT_A2B10G10R10_UNORM_PACK32, kSrgb},
                                              {VK_FORMAT_R16G16B16A16_SFLOAT, VK_COLOR_SPACE_EXTENDED_SRGB_LINEAR_EXT},
                                              {VK_FORMAT_A2B10G10R10_UNORM_PACK32, kHdr10}}),
                                       SwapchainSignal::Hdr10);
    ASSERT_TRUE(r.choice) << r.whyNot;
    EXPECT_EQ(r.choice->format.format, VK_FORMAT_A2B10G10R10_UNORM_PACK32);
    EXPECT_EQ(r.choice->format.colorSpace, kHdr10);
    EXPECT_EQ(r.choice->packing, WindowPacking::A2B10G10R10);
    EXPECT_EQ(r.choice->signal, SwapchainSignal::Hdr10);
    EXPECT_EQ(describeChoice(*r.choice), "HDR10 (ST 2084 PQ, Rec.2020), 10-bit (A2B10G10R10_UNORM_PACK32 / HDR10_ST2084)");

    const auto argb = chooseSurfaceFormat(offer({{VK_FORMAT_A2R10G10B10_UNORM_PACK32, kHdr10}}), SwapchainSignal::Hdr10);
    ASSERT_TRUE(argb.choice);
    EXPECT_EQ(argb.choice->packing, WindowPacking::A2R10G10B10);
}

TEST(SurfaceFormatChoice, Hdr10IsRefusedWithWhatTheSurfaceOffers) {
    // HDR10 only in a format the composite cannot pack (16-bit float): refused, naming it.
    const auto half = chooseSurfaceFormat(offer({{VK_FORMAT_B8G8R8A8_UNORM, kSrgb}, {VK_FORMAT_R16G16B16A16_SFLOAT, kHdr10}}),
                                          SwapchainSignal::Hdr10);
    EXPECT_FALSE(half.choice);
    EXPECT_NE(half.whyNot.find("HDR10"), std::string::npos) << half.whyNot;
    EXPECT_NE(half.whyNot.find("B8G8R8A8_UNORM / SRGB_NONLINEAR, R16G16B16A16_SFLOAT / HDR10_ST2084"), std::string::npos)
        << half.whyNot;

    // Only SDR formats, as on lavapipe: no silent fall-back to them.
    const auto sdr = chooseSurfaceFormat(offer({{VK_FORMAT_B8G8R8A8_SRGB, kSrgb}, {VK_FORMAT_B8G8R8A8_UNORM, kSrgb}}),
                                         SwapchainSignal::Hdr10);
    EXPECT_FALSE(sdr.choice);
    EXPECT_NE(sdr.whyNot.find("offers B8G8R8A8_SRGB / SRGB_NONLINEAR, B8G8R8A8_UNORM / SRGB_NONLINEAR"), std::string::npos)
        << sdr.whyNot;

    // Without VK_EXT_swapchain_colorspace the colour space may not be asked for, even if listed.
    const auto noExtension = chooseSurfaceFormat(offer({{VK_FORMAT_A2B10G10R10_UNORM_PACK32, kHdr10}}, false),
                                                 SwapchainSignal::Hdr10);
    EXPECT_FALSE(noExtension.choice);
    EXPECT_NE(noExtension.whyNot.find("VK_EXT_swapchain_colorspace"), std::string::npos) << noExtension.whyNot;
}

TEST(SurfaceFormatChoice, AnEmptyOrUnusableOfferIsRefusedForBothSignals) {
    for (auto signal : {SwapchainSignal::Sdr, SwapchainSignal::Hdr10}) {
        const auto r = chooseSurfaceFormat(offer({}), signal);
        EXPECT_FALSE(r.choice);
        EXPECT_NE(r.whyNot.find("offers nothing"), std::string::npos) << r.whyNot;
    }
    // SDR with only _SRGB formats, or UNORM in another colour space: nothing that shows code values as they are.
    const auto r = chooseSurfaceFormat(
        offer({{VK_FORMAT_B8G8R8A8_SRGB, kSrgb}, {VK_FORMAT_B8G8R8A8_UNORM, VK_COLOR_SPACE_DISPLAY_P3_NONLINEAR_EXT}}),
        SwapchainSignal::Sdr);
    EXPECT_FALSE(r.choice);
    EXPECT_NE(r.whyNot.find("B8G8R8A8_UNORM / DISPLAY_P3_NONLINEAR"), std::string::npos) << r.whyNot;
}

}  // namespace
}  // namespace tinct::test
