#pragma once
// Which swapchain format and colour space the station's window uses, chosen from what the surface
// offers. Kept apart from the Vulkan calls so the rule can be tested with made-up offers.
//
// The window shows display code values as they are: the viewer image has been through the chosen
// display/view and the calibration LUT, so the swapchain must not encode it again (UNORM formats
// only, never _SRGB). SDR: the sRGB-nonlinear colour space, 10-bit packed formats before 8-bit
// ones (finer steps for a grading viewer). HDR10: SMPTE ST 2084 (PQ) with Rec.2020 primaries
// (VK_COLOR_SPACE_HDR10_ST2084_EXT) in a 10-bit packed format.
#include <vulkan/vulkan.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tinct {

enum class SwapchainSignal { Sdr, Hdr10 };

// How the composite shader packs a window pixel into 32 bits; the values are the shader's.
enum class WindowPacking : uint32_t {
    Rgba8 = 0,        // R8G8B8A8_UNORM: R in the low byte
    Bgra8 = 1,        // B8G8R8A8_UNORM: B in the low byte
    A2B10G10R10 = 2,  // A2B10G10R10_UNORM_PACK32: R in the low 10 bits
    A2R10G10B10 = 3,  // A2R10G10B10_UNORM_PACK32: B in the low 10 bits
};

struct SurfaceFormatChoice {
    VkSurfaceFormatKHR format{};
    WindowPacking packing = WindowPacking::Bgra8;
    SwapchainSignal signal = SwapchainSignal::Sdr;
};

// What a surface offers: its formats, and whether the instance has VK_EXT_swapchain_colorspace,
// without which no colour space beyond sRGB may be asked for.
struct SurfaceOffer {
    std::vector<VkSurfaceFormatKHR> formats;
    bool extendedColourSpaces = false;
};

struct SurfaceFormatResult {
    std::optional<SurfaceFormatChoice> choice;
    std::string whyNot;  // when there is no choice: what was wanted, and what the surface offers
};

SurfaceFormatResult chooseSurfaceFormat(const SurfaceOffer& offer, SwapchainSignal wanted);

// "A2R10G10B10_UNORM_PACK32 / SRGB_NONLINEAR", for messages and the Colour menu.
std::string describeSurfaceFormat(const VkSurfaceFormatKHR& format);
// Every offered format, comma-separated; "nothing" for an empty list.
std::string describeSurfaceFormats(const std::vector<VkSurfaceFormatKHR>& formats);
// What the window shows, for the Colour menu: "HDR10 (ST 2084 PQ, Rec.2020), 10-bit" and the like.
std::string describeChoice(const SurfaceFormatChoice& choice);

}  // namespace tinct
