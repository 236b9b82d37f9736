#include "app/gui/SurfaceFormatChoice.h"

namespace tinct {
namespace {

std::string formatName(VkFormat format) {
    switch (format) {
        case VK_FORMAT_B8G8R8A8_UNORM: return "B8G8R8A8_UNORM";
        case VK_FORMAT_B8G8R8A8_SRGB: return "B8G8R8A8_SRGB";
        case VK_FORMAT_R8G8B8A8_UNORM: return "R8G8B8A8_UNORM";
        case VK_FORMAT_R8G8B8A8_SRGB: return "R8G8B8A8_SRGB";
        case VK_FORMAT_A8B8G8R8_UNORM_PACK32: return "A8B8G8R8_UNORM_PACK32";
        case VK_FORMAT_A8B8G8R8_SRGB_PACK32: return "A8B8G8R8_SRGB_PACK32";
        case VK_FORMAT_A2B10G10R10_UNORM_PACK32: return "A2B10G10R10_UNORM_PACK32";
        case VK_FORMAT_A2R10G10B10_UNORM_PACK32: return "A2R10G10B10_UNORM_PACK32";
        case VK_FORMAT_R16G16B16A16_SFLOAT: return "R16G16B16A16_SFLOAT";
        case VK_FORMAT_R16G16B16A16_UNORM: return "R16G16B16A16_UNORM";
        case VK_FORMAT_R5G6B5_UNORM_PACK16: return "R5G6B5_UNORM_PACK16";
        case VK_FORMAT_B5G6R5_UNORM_PACK16: return "B5G6R5_UNORM_PACK16";
        case VK_FORMAT_UNDEFINED: return "UNDEFINED";
        default: return "VkFormat " + std::to_string(int(format));
    }
}

std::string colourSpaceName(VkColorSpaceKHR space) {
    switch (space) {
        case VK_COLOR_SPACE_SRGB_NONLINEAR_KHR: return "SRGB_NONLINEAR";
        case VK_COLOR_SPACE_DISPLAY_P3_NONLINEAR_EXT: return "DISPLAY_P3_NONLINEAR";
        case VK_COLOR_SPACE_EXTENDED_SRGB_LINEAR_EXT: return "EXTENDED_SRGB_LINEAR";
        case VK_COLOR_SPACE_DISPLAY_P3_LINEAR_EXT: return "DISPLAY_P3_LINEAR";
        case VK_COLOR_SPACE_DCI_P3_NONLINEAR_EXT: return "DCI_P3_NONLINEAR";
        case VK_COLOR_SPACE_BT709_LINEAR_EXT: return "BT709_LINEAR";
        case VK_COLOR_SPACE_BT709_NONLINEAR_EXT: return "BT709_NONLINEAR";
        case VK_COLOR_SPACE_BT2020_LINEAR_EXT: return "BT2020_LINEAR";
        case VK_COLOR_SPACE_HDR10_ST2084_EXT: return "HDR10_ST2084";
        case VK_COLOR_SPACE_DOLBYVISION_EXT: return "DOLBYVISION";
        case VK_COLOR_SPACE_HDR10_HLG_EXT: return "HDR10_HLG";
        case VK_COLOR_SPACE_ADOBERGB_LINEAR_EXT: return "ADOBERGB_LINEAR";
        case VK_COLOR_SPACE_ADOBERGB_NONLINEAR_EXT: return "ADOBERGB_NONLINEAR";
        case VK_COLOR_SPACE_PASS_THROUGH_EXT: return "PASS_THROUGH";
        case VK_COLOR_SPACE_EXTENDED_SRGB_NONLINEAR_EXT: return "EXTENDED_SRGB_NONLINEAR";
        default: return "VkColorSpaceKHR " + std::to_string(int(space));
    }
}

std::optional<WindowPacking> packingOf(VkFormat format) {
    switch (format) {
        case VK_FORMAT_R8G8B8A8_UNORM: return WindowPacking::Rgba8;
        case VK_FORMAT_B8G8R8A8_UNORM: return WindowPacking::Bgra8;
        case VK_FORMAT_A2B10G10R10_UNORM_PACK32: return WindowPacking::A2B10G10R10;
        case VK_FORMAT_A2R10G10B10_UNORM_PACK32: return WindowPacking::A2R10G10B10;
        default: return std::nullopt;
    }
}

std::optional<SurfaceFormatChoice> firstOffered(const std::vector<VkSurfaceFormatKHR>& offered,
                                                std::initializer_list<VkFormat> preference, VkColorSpaceKHR space,
                                                SwapchainSignal signal) {
    for (VkFormat wanted : preference)
        for (const auto& f : offered)
            if (f.format == wanted && f.colorSpace == space) return SurfaceFormatChoice{f, *packingOf(wanted), signal};
    return std::nullopt;
}

}  // namespace

SurfaceFormatResult chooseSurfaceFormat(const SurfaceOffer& offer, SwapchainSignal wanted) {
    SurfaceFormatResult result;
    const std::string offered = "; the window's surface offers " + describeSurfaceFormats(offer.formats);
    if (wanted == SwapchainSignal::Hdr10) {
        if (!offer.extendedColourSpaces) {
            result.whyNot = "an HDR10 window was asked for, but the Vulkan loader does not offer "
                            "VK_EXT_swapchain_colorspace, without which no HDR colour space can be used" + offered;
            return result;
        }
        // Both 10-bit orders carry the same signal; the composite packs either.
        result.choice = firstOffered(offer.formats, {VK_FORMAT_A2B10G10R10_UNORM_PACK32, VK_FORMAT_A2R10G10B10_UNORM_PACK32},
                                     VK_COLOR_SPACE_HDR10_ST2084_EXT, SwapchainSignal::Hdr10);
        if (!result.choice)
            result.whyNot = "an HDR10 window was asked for (HDR10_ST2084 with A2B10G10R10_UNORM_PACK32 or "
                            "A2R10G10B10_UNORM_PACK32), but the display does not offer it" + offered;
        return result;
    }
    result.choice = firstOffered(offer.formats,
                                 {VK_FORMAT_A2B10G10R10_UNORM_PACK32, VK_FORMAT_A2R10G10B10_UNORM_PACK32,
                                  VK_FORMAT_B8G8R8A8_UNORM, VK_FORMAT_R8G8B8A8_UNORM},
                                 VK_COLOR_SPACE_SRGB_NONLINEAR_KHR, SwapchainSignal::Sdr);
    if (!result.choice)
        result.whyNot = "the window offers no UNORM swapchain format (8- or 10-bit) in the sRGB colour space, which "
                        "the station needs to show display code values unchanged" + offered;
    return result;
}

std::string describeSurfaceFormat(const VkSurfaceFormatKHR& format) {
    return formatName(format.format) + " / " + colourSpaceName(format.colorSpace);
}

std::string describeSurfaceFormats(const std::vector<VkSurfaceFormatKHR>& formats) {
    if (formats.empty()) return "nothing";
    std::string out;
    for (const auto& f : formats) out += (out.empty() ? "" : ", ") + describeSurfaceFormat(f);
    return out;
}

std::string describeChoice(const SurfaceFormatChoice& choice) {
    const bool tenBit = choice.packing == WindowPacking::A2B10G10R10 || choice.packing == WindowPacking::A2R10G10B10;
    const std::string depth = tenBit ? "10-bit" : "8-bit";
    const std::string signal = choice.signal == SwapchainSignal::Hdr10 ? "HDR10 (ST 2084 PQ, Rec.2020)" : "SDR";
    return signal + ", " + depth + " (" + describeSurfaceFormat(choice.format) + ")";
}

}  // namespace tinct
