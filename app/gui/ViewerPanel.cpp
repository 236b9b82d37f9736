// The viewer panel: its window has no background, so the composite drawn under the UI (the graded
// image) shows through; the panel only handles framing, the wipe, the aids and the picker.
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "app/gui/Panels.h"

namespace tinct {

StationLayout StationLayout::forWindow(float width, float height) {
    const float top = 20, left = std::floor(width * 0.62f), clip = 64;
    const float viewerH = std::floor((height - top) * 0.58f);
    StationLayout l;
    l.viewer = {0, top, left, viewerH};
    l.clipBar = {0, top + viewerH, left, clip};
    l.nodes = {0, top + viewerH + clip, left, height - top - viewerH - clip};
    const float inspectorH = std::floor((height - top) * 0.52f);
    l.inspector = {left, top, width - left, inspectorH};
    l.scopes = {left, top + inspectorH, width - left, height - top - inspectorH};
    return l;
}

void fitViewer(ViewerState& v, int imageW, int imageH) {
    if (imageW <= 0 || imageH <= 0 || v.areaW <= 0 || v.areaH <= 0) return;
    v.scale = std::min(float(v.areaW) / imageW, float(v.areaH) / imageH);
    v.originX = (imageW - v.areaW / v.scale) / 2;
    v.originY = (imageH - v.areaH / v.scale) / 2;
}

void oneToOneViewer(ViewerState& v, int imageW, int imageH) {
    v.fit = false;
    v.scale = 1;
    // Whole-pixel origin: each window pixel then shows exactly one image pixel.
    v.originX = std::floor((imageW - v.areaW) / 2.0f);
    v.originY = std::floor((imageH - v.areaH) / 2.0f);
}

namespace {

// The motion overlay: an arrow per block from its centre, four times the motion to the next frame
// (a pixel of motion is then visible at any zoom), within the viewer area.
void drawMotionField(const StationState& state) {
    const ViewerState& v = state.viewer;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->PushClipRect({float(v.areaX), float(v.areaY)}, {float(v.areaX + v.areaW), float(v.areaY + v.areaH)}, true);
    constexpr float kLength = 4;
    for (const MotionBlock& b : state.motionField.blocks) {
        const ImVec2 from{v.areaX + (b.x + 0.5f - v.originX) * v.scale, v.areaY + (b.y + 0.5f - v.originY) * v.scale};
        const ImVec2 to{from.x + b.dx * kLength * v.scale, from.y + b.dy * kLength * v.scale};
        const ImU32 colour = b.miss <= 1.0f ? IM_COL32(60, 255, 90, 255) : IM_COL32(255, 60, 60, 255);
        draw->AddLine(from, to, colour, 1.5f);
        draw->AddCircleFilled(from, 1.5f, colour);
    }
    draw->PopClipRect();
}

}  // namespace

void drawViewerPanel(StationState& state, const PanelRect& rect, int imageW, int imageH, const PickedValues& picked) {
    ViewerState& v = state.viewer;
    ImGui::SetNextWindowPos({rect.x, rect.y});
    ImGui::SetNextWindowSize({rect.w, rect.h});
    ImGui::Begin("Viewer", nullptr,
                 ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                     ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    if (ImGui::Button("Fit")) v.fit = true;
    ImGui::SameLine();
    if (ImGui::Button("1:1")) oneToOneViewer(v, imageW, imageH);
    ImGui::SameLine();
    ImGui::Checkbox("Wipe", &v.wipe);
    if (v.wipe) {
        ImGui::SameLine();
        ImGui::SetNextItemWidth(100);
        ImGui::SliderFloat("##wipe", &v.wipePosition, 0, 1, "%.2f");
    }
    ImGui::SameLine();
    if (ImGui::Checkbox("False colour", &v.falseColour)) state.colourChanged = true;
    ImGui::SameLine();
    if (ImGui::Checkbox("Gamut", &v.gamutWarning)) state.colourChanged = true;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("display values above 1 in red, below 0 (out of gamut) in cyan");
    ImGui::SameLine();
    if (ImGui::Checkbox("Repairs", &v.repairOverlay)) state.colourChanged = true;
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("what the selected dust, scratch or dead_pixels node repaired (every such node's when none is "
                          "selected) laid over the picture in red");
    ImGui::SameLine();
    ImGui::Checkbox("Motion", &v.motionOverlay);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("the motion the restoration nodes see, to the next frame: arrows four times its length, green "
                          "where the motion back agrees, red where it does not (an occlusion, a wrong match)");
    ImGui::SameLine();
    ImGui::Text("%.0f%%", v.scale * 100);

    const ImVec2 at = ImGui::GetCursorScreenPos();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const int newW = std::max(1, int(avail.x)), newH = std::max(1, int(avail.y - (picked.valid ? 20 : 0)));
    v.areaX = int(at.x), v.areaY = int(at.y);
    v.areaW = newW, v.areaH = newH;
    if (v.fit) fitViewer(v, imageW, imageH);

    ImGui::InvisibleButton("##image", {float(newW), float(newH)},
                           ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
    const ImGuiIO& io = ImGui::GetIO();
    if (v.motionOverlay) drawMotionField(state);
    const bool toolHasMouse = drawViewerTools(state, imageW, imageH, ImGui::IsItemHovered());
    auto toImage = [&](ImVec2 p) {
        return std::array<float, 2>{v.originX + (p.x - v.areaX) / v.scale, v.originY + (p.y - v.areaY) / v.scale};
    };
    if (ImGui::IsItemHovered() && io.MouseWheel != 0) {
        // Zoom about the cursor: the image point under it stays there.
        const auto before = toImage(io.MousePos);
        v.fit = false;
        v.scale = std::clamp(v.scale * std::pow(1.25f, io.MouseWheel), 1.0f / 64, 64.0f);
        v.originX = before[0] - (io.MousePos.x - v.areaX) / v.scale;
        v.originY = before[1] - (io.MousePos.y - v.areaY) / v.scale;
    }
    if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Right)) {
        v.fit = false;
        v.originX -= io.MouseDelta.x / v.scale;
        v.originY -= io.MouseDelta.y / v.scale;
    }
    if (!toolHasMouse && ImGui::IsItemActive() && ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
        const auto p = toImage(io.MousePos);
        const int x = int(std::floor(p[0])), y = int(std::floor(p[1]));
        if (x >= 0 && y >= 0 && x < imageW && y < imageH) v.pick = std::array<int, 2>{x, y};
    }
    if (picked.valid && v.pick) {
        const auto& s = picked.source;
        const auto& w = picked.working;
        const auto& d = picked.display;
        ImGui::Text("(%d, %d)  source %.4f %.4f %.4f   working %.4f %.4f %.4f   display %.4f %.4f %.4f (%d %d %d)",
                    (*v.pick)[0], (*v.pick)[1], s[0], s[1], s[2], w[0], w[1], w[2], d[0], d[1], d[2],
                    int(std::lround(std::clamp(d[0], 0.0f, 1.0f) * 255)), int(std::lround(std::clamp(d[1], 0.0f, 1.0f) * 255)),
                    int(std::lround(std::clamp(d[2], 0.0f, 1.0f) * 255)));
    }
    ImGui::End();
}

}  // namespace tinct
