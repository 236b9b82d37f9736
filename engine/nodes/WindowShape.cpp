#include "engine/nodes/WindowShape.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace tinct {
namespace {

constexpr double kStalk = 0.08;  // frame heights between the top edge and the rotation handle
constexpr int kSegments = 96;    // an ellipse's contour; a rectangle's corner arcs take a quarter

}  // namespace

WindowShape WindowShape::fromParams(const NodeParams& p, int frameW, int frameH) {
    WindowShape s;
    s.frameW = std::max(frameW, 1), s.frameH = std::max(frameH, 1);
    const double aspect = double(s.frameW) / s.frameH;
    s.shape = p.text("shape");
    s.cx = p.number("center_x") * aspect;
    s.cy = p.number("center_y");
    s.ry = std::max(0.5 * p.number("size"), 1e-6);
    s.rx = std::max(0.5 * p.number("size") * p.number("aspect"), 1e-6);
    s.rotation = p.number("rotation") * std::numbers::pi / 180;
    s.inner = p.number("inner_soft");
    s.outer = p.number("outer_soft");
    for (const auto& v : p.points("points")) s.vertices.push_back({v[0] * aspect, v[1]});
    return s;
}

ImagePoint WindowShape::toImage(double qx, double qy) const {
    // The shader turns a point back by the rotation (q = R^-1 (p - c)); here p = c + R q.
    const double cs = std::cos(rotation), sn = std::sin(rotation);
    return {(cx + cs * qx - sn * qy) * frameH, (cy + sn * qx + cs * qy) * frameH};
}

ImagePoint WindowShape::toLocal(const ImagePoint& image) const {
    const double cs = std::cos(rotation), sn = std::sin(rotation);
    const double x = image[0] / frameH - cx, y = image[1] / frameH - cy;
    return {cs * x + sn * y, -sn * x + cs * y};
}

std::vector<ImagePoint> WindowShape::contour(double offset) const {
    std::vector<ImagePoint> out;
    if (shape == "ellipse") {
        // d = (|q / r| - 1) min(r): the contour d = offset is the ellipse scaled by 1 + offset / min(r).
        const double k = std::max(0.0, 1 + offset / std::min(rx, ry));
        for (int i = 0; i < kSegments; ++i) {
            const double t = 2 * std::numbers::pi * i / kSegments;
            out.push_back(toImage(k * rx * std::cos(t), k * ry * std::sin(t)));
        }
    } else if (shape == "rectangle") {
        // Inside, the box shrinks; outside, the exact distance rounds the corners with radius offset.
        const double ex = std::max(0.0, rx + std::min(offset, 0.0)), ey = std::max(0.0, ry + std::min(offset, 0.0));
        const double round = std::max(offset, 0.0);
        const int arc = kSegments / 4;
        const double corners[4][2] = {{ex, ey}, {-ex, ey}, {-ex, -ey}, {ex, -ey}};
        for (int c = 0; c < 4; ++c)
            for (int i = 0; i <= (round > 0 ? arc : 0); ++i) {
                const double t = std::numbers::pi / 2 * (c + double(i) / arc);
                out.push_back(toImage(corners[c][0] + round * std::cos(t), corners[c][1] + round * std::sin(t)));
            }
    } else if (shape == "gradient") {
        // d = q.y: a line through the centre across (and beyond) the frame.
        const double reach = double(frameW) / frameH + 1;
        out = {toImage(-2 * reach, offset), toImage(2 * reach, offset)};
    } else {
        for (const auto& v : vertices) out.push_back({v[0] * frameH, v[1] * frameH});
    }
    return out;
}

std::vector<WindowShape::Handle> WindowShape::handles() const {
    std::vector<Handle> h;
    if (shape == "polygon") {
        ImagePoint mean{0, 0};
        for (size_t i = 0; i < vertices.size(); ++i) {
            h.push_back({WindowHandle::Vertex, int(i), {vertices[i][0] * frameH, vertices[i][1] * frameH}});
            mean = {mean[0] + vertices[i][0] * frameH / vertices.size(), mean[1] + vertices[i][1] * frameH / vertices.size()};
        }
        if (!vertices.empty()) h.push_back({WindowHandle::Centre, -1, mean});
        return h;
    }
    h.push_back({WindowHandle::Centre, -1, toImage(0, 0)});
    if (shape == "gradient") {
        h.push_back({WindowHandle::Rotation, -1, toImage(0, -kStalk)});
        h.push_back({WindowHandle::Softness, -1, toImage(0, outer)});
        return h;
    }
    h.push_back({WindowHandle::Size, -1, toImage(0, -ry)});
    h.push_back({WindowHandle::Aspect, -1, toImage(rx, 0)});
    h.push_back({WindowHandle::Rotation, -1, toImage(0, -ry - kStalk)});
    h.push_back({WindowHandle::Softness, -1, toImage(0, ry + outer)});
    return h;
}

NodeParams WindowShape::drag(const NodeParams& params, const Handle& handle, const ImagePoint& from, const ImagePoint& to) const {
    NodeParams p = params;
    const ImagePoint q = toLocal(to);
    switch (handle.kind) {
    case WindowHandle::Centre:
        if (shape == "polygon") {
            // The whole polygon moves by the drag, in fractions of the frame.
            CurvePoints moved = params.points("points");
            for (auto& v : moved) v = {v[0] + (to[0] - from[0]) / frameW, v[1] + (to[1] - from[1]) / frameH};
            p.set("points", moved);
        } else {
            p.set("center_x", to[0] / frameW);
            p.set("center_y", to[1] / frameH);
        }
        break;
    case WindowHandle::Size:
        p.set("size", 2 * std::abs(q[1]));
        break;
    case WindowHandle::Aspect:
        p.set("aspect", std::clamp(std::abs(q[0]) / ry, 0.05, 20.0));
        break;
    case WindowHandle::Rotation: {
        // The stalk points up (-y) unturned; its direction from the centre gives the angle.
        const double dx = to[0] / frameH - cx, dy = to[1] / frameH - cy;
        p.set("rotation", std::atan2(dx, -dy) * 180 / std::numbers::pi);
        break;
    }
    case WindowHandle::Softness:
        p.set("outer_soft", std::clamp(q[1] - (shape == "gradient" ? 0 : ry), 0.0, 2.0));
        break;
    case WindowHandle::Vertex: {
        CurvePoints moved = params.points("points");
        if (handle.vertex >= 0 && size_t(handle.vertex) < moved.size())
            moved[size_t(handle.vertex)] = {to[0] / frameW, to[1] / frameH};
        p.set("points", moved);
        break;
    }
    }
    return p;
}

}  // namespace tinct
