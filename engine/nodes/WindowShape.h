#pragma once
// A window node's shape as geometry, for drawing it over the viewer and turning a dragged handle
// into parameter values. It follows shaders/snippets/window.glsl: positions in frame heights from the
// frame's top left (x runs to width / height), the shape turned clockwise as seen by `rotation`,
// radii half the size (x scaled by the aspect). Results are in image pixels.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "engine/kernel/Parameter.h"

namespace tinct {

using ImagePoint = std::array<double, 2>;  // image pixels, x right, y down

enum class WindowHandle { Centre, Size, Aspect, Rotation, Softness, Vertex };

struct WindowShape {
    std::string shape;       // ellipse, rectangle, gradient, polygon
    double cx = 0, cy = 0;   // frame heights
    double rx = 0, ry = 0;   // frame heights
    double rotation = 0;     // radians, clockwise as seen
    double inner = 0, outer = 0;
    std::vector<ImagePoint> vertices;  // polygon, frame heights
    int frameW = 1, frameH = 1;

    static WindowShape fromParams(const NodeParams& params, int frameW, int frameH);

    // The contour where the window's signed distance equals `offset` (frame heights: 0 the edge,
    // +outer where the matte reaches 0, -inner where it reaches 1), as a closed polyline; for a
    // gradient, an open line across the frame. A polygon gives its edge only.
    std::vector<ImagePoint> contour(double offset) const;

    struct Handle {
        WindowHandle kind;
        int vertex = -1;  // WindowHandle::Vertex: which
        ImagePoint at;
    };
    // The handles a person drags: centre, size (top edge), aspect (right edge), rotation (a stalk
    // above the top), softness (beyond the bottom edge by the outer softness); a polygon's vertices
    // and its centroid (moves them all). A gradient has centre, rotation and softness.
    std::vector<Handle> handles() const;

    // The parameter values after `handle` is dragged to `to` (image pixels), starting from `params`
    // (the values when the drag began; `from` where it began, for moving a polygon as a whole).
    NodeParams drag(const NodeParams& params, const Handle& handle, const ImagePoint& from, const ImagePoint& to) const;

private:
    ImagePoint toImage(double qx, double qy) const;   // shape-local frame heights -> image pixels
    ImagePoint toLocal(const ImagePoint& image) const;  // image pixels -> shape-local frame heights
};

}  // namespace tinct
