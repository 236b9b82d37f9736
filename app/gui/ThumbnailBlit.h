#pragma once
// The pass that puts node thumbnails into the station's window buffer (shaders/thumbnail_blit.comp):
// the node editor's canvas filled flat, then each thumbnail scaled into its rectangle, clipped to
// the canvas. Recorded after the viewer composite, before ImGui draws the boxes around them.
#include <vulkan/vulkan.h>

#include <array>
#include <memory>
#include <vector>

#include "app/gui/SurfaceFormatChoice.h"
#include "engine/gpu/ComputeKernel.h"
#include "engine/gpu/GpuBuffer.h"

namespace tinct {

class GpuContext;

// Rectangles are {x, y, width, height} in window pixels; a window pixel belongs to one when its
// centre lies inside.
struct ThumbnailPlacement {
    VkBuffer image = VK_NULL_HANDLE;  // RGBA32F display code values, width x height
    int width = 0, height = 0;
    std::array<float, 4> rect{};
    bool operator==(const ThumbnailPlacement&) const = default;
};

class ThumbnailBlit {
public:
    explicit ThumbnailBlit(GpuContext& gpu);
    ~ThumbnailBlit();

    // `window` holds windowW x windowH pixels packed for the swapchain `format`. The canvas is
    // filled with `fill`, an sRGB code value like the rest of the UI (on an HDR10 window mapped to
    // PQ at graphics white, as the composite maps the station's own pixels); thumbnails are display
    // code values of the viewer's display/view and are packed as they are, like the viewer image.
    // Begins with a barrier after earlier writes of the window (the composite).
    //
    // The window buffer keeps its pixels between frames, and the viewer composite rewrites the node
    // editor's area only when the window's size, format or buffer change (app/gui/ViewerRenderer),
    // so nothing is written when that and everything here is as last time; `imagesChanged` says the
    // thumbnails' pixels were rendered again. Returns whether it wrote.
    bool record(VkCommandBuffer cmd, const std::array<float, 4>& canvas, std::array<float, 3> fill,
                const std::vector<ThumbnailPlacement>& thumbnails, bool imagesChanged, VkBuffer window, int windowW,
                int windowH, const SurfaceFormatChoice& format);

private:
    // What the window buffer holds from the last pass.
    struct Written {
        std::array<int, 4> window{};  // size, packing, signal
        VkBuffer buffer = VK_NULL_HANDLE;
        std::array<float, 4> canvas{};
        std::array<float, 3> fill{};
        std::vector<ThumbnailPlacement> thumbnails;
        bool operator==(const Written&) const = default;
    };

    std::unique_ptr<ComputeKernel> kernel_;
    GpuBuffer dummy_;  // bound as the thumbnail of the fill
    Written written_;
};

}  // namespace tinct
