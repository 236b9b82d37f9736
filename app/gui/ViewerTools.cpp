// Tools over the viewer image: the selected window's shape with handles to drag (engine
// WindowShape turns a handle's position into parameter values), and the qualifier picker's stroke.
// Drawn with the viewer window's draw list, on top of the composited image.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <optional>

#include "app/gui/Panels.h"
#include "engine/Error.h"
#include "engine/nodes/WindowShape.h"

namespace tinct {
namespace {

constexpr float kHandleRadius = 6;  // window pixels: what a person can grab

// The drag in progress: which node and handle, and the values when it began.
struct HandleDrag {
    std::string node;
    WindowShape::Handle handle;
    NodeParams start;
    ImagePoint from;
};
std::optional<HandleDrag> drag;

const char* handleName(WindowHandle h) {
    switch (h) {
    case WindowHandle::Centre: return "move window";
    case WindowHandle::Size: return "size window";
    case WindowHandle::Aspect: return "window aspect";
    case WindowHandle::Rotation: return "rotate window";
    case WindowHandle::Softness: return "window softness";
    case WindowHandle::Vertex: return "move window vertex";
    }
    return "window";
}

}  // namespace

const GradeNode* windowForTools(const Grade& grade, const std::string& selected) {
    // The selected window, or the window limiting the selected node (directly or through its
    // qualifier's own matte), as a colorist expects to see the shape of the node they are on.
    const GradeNode* n = grade.find(selected);
    for (int depth = 0; n && depth < 3; ++depth) {
        if (n->type == "window") return n;
        n = grade.find(n->matte);
    }
    return nullptr;
}

bool drawViewerTools(StationState& state, int imageW, int imageH, bool imageHovered) {
    const ViewerState& v = state.viewer;
    const ImGuiIO& io = ImGui::GetIO();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    auto toWindow = [&](const ImagePoint& p) {
        return ImVec2(v.areaX + float(p[0] - v.originX) * v.scale, v.areaY + float(p[1] - v.originY) * v.scale);
    };
    auto toImage = [&](ImVec2 p) -> ImagePoint { return {v.originX + (p.x - v.areaX) / v.scale, v.originY + (p.y - v.areaY) / v.scale}; };
    draw->PushClipRect({float(v.areaX), float(v.areaY)}, {float(v.areaX + v.areaW), float(v.areaY + v.areaH)}, true);
    bool tookMouse = false;

    if (state.picker) {
        // The picker owns the left button on the image: a click or stroke collects pixels.
        QualifierPicker& picker = *state.picker;
        if (imageHovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) picker.stroke.clear(), picker.strokeDone = false;
        if (!picker.strokeDone && ImGui::IsMouseDown(ImGuiMouseButton_Left) && (imageHovered || !picker.stroke.empty())) {
            const ImagePoint p = toImage(io.MousePos);
            std::array<int, 2> px{int(std::floor(p[0])), int(std::floor(p[1]))};
            // Fill the gap from the last position, so a quick stroke keeps every pixel it crossed.
            const auto last = picker.stroke.empty() ? px : picker.stroke.back();
            const int steps = std::max(std::abs(px[0] - last[0]), std::abs(px[1] - last[1]));
            for (int k = 1; k <= std::max(steps, 1); ++k) {
                const std::array<int, 2> q{last[0] + (px[0] - last[0]) * k / std::max(steps, 1),
                                           last[1] + (px[1] - last[1]) * k / std::max(steps, 1)};
                if (q[0] >= 0 && q[1] >= 0 && q[0] < imageW && q[1] < imageH &&
                    (picker.stroke.empty() || picker.stroke.back() != q))
                    picker.stroke.push_back(q);
            }
            tookMouse = true;
        }
        if (!picker.stroke.empty() && !picker.strokeDone && !ImGui::IsMouseDown(ImGuiMouseButton_Left)) picker.strokeDone = true;
        for (size_t i = 1; i < picker.stroke.size(); ++i)
            draw->AddLine(toWindow({picker.stroke[i - 1][0] + 0.5, picker.stroke[i - 1][1] + 0.5}),
                          toWindow({picker.stroke[i][0] + 0.5, picker.stroke[i][1] + 0.5}), IM_COL32(255, 220, 60, 255), 2);
        if (imageHovered) {
            const ImVec2 m = io.MousePos;  // a picker's cross-hair
            draw->AddLine({m.x - 9, m.y}, {m.x + 9, m.y}, IM_COL32(255, 220, 60, 255));
            draw->AddLine({m.x, m.y - 9}, {m.x, m.y + 9}, IM_COL32(255, 220, 60, 255));
        }
        draw->PopClipRect();
        return tookMouse;
    }

    const GradeNode* window = windowForTools(state.editor.grade(), state.selected);
    if (!window || imageW <= 0) {
        drag.reset();
        draw->PopClipRect();
        return false;
    }
    const WindowShape shape = WindowShape::fromParams(window->params, imageW, imageH);
    auto polyline = [&](const std::vector<ImagePoint>& points, bool closed, ImU32 colour, float thickness) {
        std::vector<ImVec2> at;
        for (const auto& p : points) at.push_back(toWindow(p));
        draw->AddPolyline(at.data(), int(at.size()), IM_COL32(0, 0, 0, 160), closed ? ImDrawFlags_Closed : 0, thickness + 2);
        draw->AddPolyline(at.data(), int(at.size()), colour, closed ? ImDrawFlags_Closed : 0, thickness);
    };
    const bool closed = shape.shape != "gradient";
    polyline(shape.contour(0), closed, IM_COL32(255, 255, 255, 230), 1.5f);
    if (shape.shape != "polygon") {
        if (shape.outer > 0) polyline(shape.contour(shape.outer), closed, IM_COL32(255, 255, 255, 110), 1);
        if (shape.inner > 0) polyline(shape.contour(-shape.inner), closed, IM_COL32(255, 255, 255, 110), 1);
    }
    const auto handles = shape.handles();
    int hovered = -1;
    for (size_t i = 0; i < handles.size(); ++i) {
        const ImVec2 c = toWindow(handles[i].at);
        if (std::hypot(io.MousePos.x - c.x, io.MousePos.y - c.y) <= kHandleRadius + 2) hovered = int(i);
    }
    for (size_t i = 0; i < handles.size(); ++i) {
        const ImVec2 c = toWindow(handles[i].at);
        const bool hot = int(i) == hovered || (drag && drag->handle.kind == handles[i].kind && drag->handle.vertex == handles[i].vertex);
        const ImU32 fill = hot ? IM_COL32(255, 200, 60, 255) : IM_COL32(255, 255, 255, 255);
        if (handles[i].kind == WindowHandle::Rotation) {
            draw->AddLine(toWindow(handles[0].at), c, IM_COL32(255, 255, 255, 90));
            draw->AddCircleFilled(c, kHandleRadius - 1, fill);
        } else {
            draw->AddRectFilled({c.x - kHandleRadius + 1, c.y - kHandleRadius + 1}, {c.x + kHandleRadius - 1, c.y + kHandleRadius - 1}, fill);
        }
        draw->AddRect({c.x - kHandleRadius, c.y - kHandleRadius}, {c.x + kHandleRadius, c.y + kHandleRadius}, IM_COL32(0, 0, 0, 200));
    }
    if (imageHovered && hovered >= 0 && ImGui::IsMouseClicked(ImGuiMouseButton_Left))
        drag = HandleDrag{window->id, handles[size_t(hovered)], window->params, toImage(io.MousePos)};
    if (drag && (drag->node != window->id || !ImGui::IsMouseDown(ImGuiMouseButton_Left))) drag.reset();
    if (drag) {
        // From the values when the drag began, so the handle follows the mouse without drift.
        const WindowShape startShape = WindowShape::fromParams(drag->start, imageW, imageH);
        try {
            state.editor.setParams(drag->node, startShape.drag(drag->start, drag->handle, drag->from, toImage(io.MousePos)),
                                   handleName(drag->handle.kind), true);
        } catch (const Error& e) {
            state.notify(e.what(), true);
        }
        tookMouse = true;
    }
    draw->PopClipRect();
    return tookMouse || hovered >= 0;
}

}  // namespace tinct
