// The node editor, drawn with ImGui draw lists. Nodes are laid out left to right in the order the
// grade applies them; links are drawn from every entry of each node's `inputs`, however many, between
// the pins that NodeEditorDrag's gestures start and end on. Each box leaves room for its node's
// thumbnail, which the thumbnail pass (app/gui/NodeThumbnails) puts into the window under the UI:
// the window has no background, the canvas is filled by that pass, and a box's fill is a frame
// around the thumbnail, so nothing ImGui draws covers it.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>

#include "app/gui/NodeEditorDrag.h"
#include "app/gui/NodeEditorPins.h"
#include "app/gui/Panels.h"
#include "engine/Error.h"
#include "engine/nodes/NodeTypes.h"

namespace tinct {
namespace {

struct NodeEditorView {
    float panX = 20, panY = 20, zoom = 1;
};
NodeEditorView view;

}  // namespace

void drawNodeEditor(StationState& state, const PanelRect& rect) {
    ImGui::SetNextWindowPos({rect.x, rect.y});
    ImGui::SetNextWindowSize({rect.w, rect.h});
    ImGui::Begin("Nodes", nullptr,
                 ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse);
    const Grade& grade = state.editor.grade();

    const auto& types = nodeTypes();
    static int typeIndex = int(findNodeType("primaries") - types.data());
    ImGui::SetNextItemWidth(140);
    if (ImGui::BeginCombo("##type", types[typeIndex].name.c_str())) {
        for (int i = 0; i < int(types.size()); ++i)
            if (ImGui::Selectable(types[i].name.c_str(), i == typeIndex)) typeIndex = i;
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    try {
        if (ImGui::Button("Add")) {
            // Mattes limit the selected node; mixers come with a branch (Alt+P, Alt+L, the buttons).
            const NodeType& type = types[typeIndex];
            if (type.kind == NodeKind::Matte)
                state.selected = state.editor.addMatte(state.selected, type.name);
            else if (type.kind == NodeKind::Mixer)
                state.selected = type.name == "layer_mixer" ? state.editor.addLayer(state.selected) : state.editor.addParallel(state.selected);
            else
                state.selected = state.editor.addNode(type.name, state.selected);
        }
        ImGui::SameLine();
        if (ImGui::Button("Parallel")) state.selected = state.editor.addParallel(state.selected);
        ImGui::SameLine();
        if (ImGui::Button("Layer")) state.selected = state.editor.addLayer(state.selected);
        ImGui::SameLine();
        const GradeNode* node = grade.find(state.selected);
        ImGui::BeginDisabled(!node);
        if (ImGui::Button("Delete") && node) {
            const std::string id = state.selected;
            state.selected.clear();
            state.editor.removeNode(id);
        }
        ImGui::SameLine();
        if (ImGui::Button("Bypass") && node) state.editor.setBypass(node->id, !node->bypass);
        ImGui::EndDisabled();
    } catch (const Error& e) {
        state.notify(e.what(), true);
    }
    ImGui::SameLine();
    ImGui::TextDisabled("%zu node(s)  drag pins: connect  drag a node: move  wheel: zoom  right drag: pan", grade.nodes.size());

    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 canvas = ImGui::GetCursorScreenPos();
    const ImVec2 size = ImGui::GetContentRegionAvail();
    state.nodeCanvas = {canvas.x, canvas.y, size.x, size.y};  // filled by the thumbnail pass
    ImGui::InvisibleButton("##canvas", {std::max(size.x, 1.0f), std::max(size.y, 1.0f)},
                           ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
    const bool canvasPressed = ImGui::IsItemClicked(ImGuiMouseButton_Left), canvasHovered = ImGui::IsItemHovered();
    const ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsItemHovered() && io.MouseWheel != 0) view.zoom = std::clamp(view.zoom * (io.MouseWheel > 0 ? 1.1f : 0.9f), 0.4f, 2.5f);
    if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Right)) {
        view.panX += io.MouseDelta.x;
        view.panY += io.MouseDelta.y;
    }
    draw->PushClipRect(canvas, {canvas.x + size.x, canvas.y + size.y}, true);

    // A box: title and type, then the thumbnail in the source's aspect (at most square), then a rim.
    const float w = 110 * view.zoom, gap = 40 * view.zoom, header = 2 * ImGui::GetFontSize() + 10;
    const float thumbH = std::floor((w - 10 * view.zoom) * std::min(state.thumbnailAspect, 1.0f));
    const float thumbW = std::floor(thumbH / state.thumbnailAspect), h = header + thumbH + 7 * view.zoom;
    // Columns by depth (one after everything a node takes, inputs and matte); rows in each column in
    // the order the nodes are listed, so parallel branches stack and mattes sit beside what they limit.
    std::map<std::string, int> column = {{kSourceInput, 0}}, rows;
    std::function<int(const GradeNode&)> depth = [&](const GradeNode& n) -> int {
        if (auto it = column.find(n.id); it != column.end()) return it->second;
        column[n.id] = 1;  // guards a cycle, which the editor refuses anyway
        int d = 0;
        for (const auto& input : n.inputs)
            if (const GradeNode* from = grade.find(input)) d = std::max(d, depth(*from));
        if (const GradeNode* m = grade.find(n.matte)) d = std::max(d, depth(*m));
        return column[n.id] = d + 1;
    };
    int last = 0;
    for (const auto& n : grade.nodes) last = std::max(last, depth(n));
    column[kOutputBox] = last + 1;
    std::map<std::string, ImVec2> at;  // top-left of each box
    auto place = [&](const std::string& id) {
        const int c = column[id], r = rows[std::to_string(c)]++;
        at[id] = {canvas.x + view.panX + c * (w + gap), canvas.y + view.panY + r * (h + gap * 0.5f)};
    };
    place(kSourceInput);
    for (const auto& n : grade.nodes) place(n.id);
    place(kOutputBox);
    const NodeBoxes boxes{at, w, h, view.zoom};
    const std::vector<NodePin> pins = nodePins(grade, boxes);
    state.nodePoints.clear();
    for (const auto& [id, p] : at)
        state.nodePoints[(id == kOutputBox ? std::string("output") : id) + ":body"] = {p.x + w / 2, p.y + h / 2};
    for (const auto& pin : pins) state.nodePoints[pinName(pin)] = {pin.at.x, pin.at.y};

    state.nodeThumbnails.clear();
    auto box = [&](const std::string& id, const std::string& title, const std::string& sub, ImU32 fill, bool selected) {
        const ImVec2 p = at[id];
        // Whole pixels, so that the fill around the thumbnail and the thumbnail meet exactly.
        const float tx = std::round(p.x + (w - thumbW) / 2), ty = std::round(p.y + header);
        state.nodeThumbnails[id] = {tx, ty, thumbW, thumbH};
        const float r = 6 * view.zoom;
        draw->AddRectFilled(p, {p.x + w, ty}, fill, r, ImDrawFlags_RoundCornersTop);
        draw->AddRectFilled({p.x, ty}, {tx, ty + thumbH}, fill);
        draw->AddRectFilled({tx + thumbW, ty}, {p.x + w, ty + thumbH}, fill);
        draw->AddRectFilled({p.x, ty + thumbH}, {p.x + w, p.y + h}, fill, r, ImDrawFlags_RoundCornersBottom);
        draw->AddRect(p, {p.x + w, p.y + h}, selected ? IM_COL32(255, 200, 60, 255) : IM_COL32(120, 120, 130, 255),
                      6 * view.zoom, 0, selected ? 3.0f : 1.0f);
        draw->AddText({p.x + 8, p.y + 6}, IM_COL32(240, 240, 240, 255), title.c_str());
        draw->AddText({p.x + 8, p.y + 6 + ImGui::GetFontSize()}, IM_COL32(170, 170, 180, 255), sub.c_str());
    };
    auto link = [&](ImVec2 from, ImVec2 to, ImU32 colour = IM_COL32(200, 200, 120, 255)) {
        draw->AddBezierCubic(from, {from.x + gap * 0.6f, from.y}, {to.x - gap * 0.6f, to.y}, to, colour, 2.0f);
    };
    for (const auto& node : grade.nodes) {
        const size_t slots = inputSlots(node);
        for (size_t k = 0; k < node.inputs.size(); ++k) {
            auto src = at.find(node.inputs[k]);
            if (src == at.end()) continue;
            const ImVec2 from{src->second.x + w, src->second.y + h / 2};
            link(from, inputPinAt(boxes, node.id, k, slots));
        }
        if (auto m = at.find(node.matte); !node.matte.empty() && m != at.end())  // a key: into the box's lower edge
            link({m->second.x + w, m->second.y + h / 2}, {at[node.id].x + w / 2, at[node.id].y + h}, IM_COL32(90, 200, 230, 255));
    }
    const std::string outputId = grade.output.empty() ? (grade.nodes.empty() ? kSourceInput : grade.nodes.back().id) : grade.output;
    link({at[outputId].x + w, at[outputId].y + h / 2}, inputPinAt(boxes, kOutputBox, 0, 1));

    box(kSourceInput, "source", "", IM_COL32(50, 70, 50, 255), false);
    box(kOutputBox, "output", "", IM_COL32(50, 50, 80, 255), false);
    for (const auto& node : grade.nodes) {
        const std::string title = node.label.empty() ? node.id : node.label;
        box(node.id, title, node.type + (node.bypass ? " (bypassed)" : ""),
            node.bypass ? IM_COL32(60, 45, 45, 255) : IM_COL32(60, 60, 70, 255), node.id == state.selected);
    }
    nodeEditorGestures(state, boxes, pins, draw, canvasPressed, canvasHovered);  // may edit the grade: last
    draw->PopClipRect();
    ImGui::End();
}

}  // namespace tinct
