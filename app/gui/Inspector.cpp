// The inspector: one control per ParamDecl of the selected node's type (principle 4), chosen by the
// declaration's type and hint. Every change goes through GradeEditor::setParam, so it can be undone.
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "app/gui/Panels.h"
#include "engine/Error.h"
#include "engine/nodes/NodeTypes.h"

namespace tinct {
namespace {

// A colour wheel: the handle shows the balance of r, g, b about their mean on the usual hue circle
// (red at 0 degrees, green at 120, blue at 240); dragging it moves that balance, keeping the mean.
// `reach` is the balance at the wheel's rim. Returns true when the value changed.
bool colourWheel(const char* id, std::array<double, 4>& v, double reach) {
    const float radius = 44;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const ImVec2 c{p.x + radius, p.y + radius};
    for (int i = 0; i < 36; ++i) {
        const float a0 = i * 2 * 3.14159265f / 36, a1 = (i + 1) * 2 * 3.14159265f / 36;
        const ImVec4 rgb = ImColor::HSV(i / 36.0f, 0.6f, 0.55f);
        draw->AddTriangleFilled(c, {c.x + radius * std::cos(a0), c.y - radius * std::sin(a0)},
                                {c.x + radius * std::cos(a1), c.y - radius * std::sin(a1)}, ImGui::GetColorU32(rgb));
    }
    const double mean = (v[0] + v[1] + v[2]) / 3;
    const double bx = (v[0] - mean) - 0.5 * (v[1] - mean) - 0.5 * (v[2] - mean);
    const double by = std::sqrt(3.0) / 2 * ((v[1] - mean) - (v[2] - mean));
    const float hx = float(std::clamp(bx / reach, -1.0, 1.0)) * radius, hy = float(std::clamp(by / reach, -1.0, 1.0)) * radius;
    draw->AddCircle(c, radius, IM_COL32(200, 200, 200, 255));
    draw->AddCircleFilled({c.x + hx, c.y - hy}, 4, IM_COL32(255, 255, 255, 255));
    ImGui::InvisibleButton(id, {radius * 2, radius * 2});
    bool changed = false;
    if (ImGui::IsItemActive()) {
        const ImVec2 m = ImGui::GetIO().MousePos;
        double x = (m.x - c.x) / radius, y = -(m.y - c.y) / radius;
        const double len = std::hypot(x, y);
        if (len > 1) x /= len, y /= len;
        // Inverse of the projection above, with r + g + b kept at 3 * mean.
        const double nx = x * reach, ny = y * reach;
        v[0] = mean + 2.0 / 3 * nx;
        v[1] = mean - nx / 3 + ny / std::sqrt(3.0);
        v[2] = mean - nx / 3 - ny / std::sqrt(3.0);
        changed = true;
    }
    if (ImGui::IsItemHovered() && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
        v[0] = v[1] = v[2] = mean;
        changed = true;
    }
    return changed;
}

// A curve editor: drag points, double-click empty space to add one, right-click a point to remove it.
bool curveEditor(const char* id, CurvePoints& points, double lo, double hi) {
    const ImVec2 size{220, 160};
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    auto toScreen = [&](const std::array<double, 2>& q) {
        return ImVec2{p.x + float((q[0] - lo) / (hi - lo)) * size.x, p.y + size.y - float((q[1] - lo) / (hi - lo)) * size.y};
    };
    auto fromScreen = [&](ImVec2 s) {
        return std::array<double, 2>{std::clamp(lo + (s.x - p.x) / size.x * (hi - lo), lo, hi),
                                     std::clamp(lo + (p.y + size.y - s.y) / size.y * (hi - lo), lo, hi)};
    };
    draw->AddRectFilled(p, {p.x + size.x, p.y + size.y}, IM_COL32(25, 25, 28, 255));
    for (int i = 1; i < 4; ++i) {
        draw->AddLine({p.x + size.x * i / 4, p.y}, {p.x + size.x * i / 4, p.y + size.y}, IM_COL32(60, 60, 60, 255));
        draw->AddLine({p.x, p.y + size.y * i / 4}, {p.x + size.x, p.y + size.y * i / 4}, IM_COL32(60, 60, 60, 255));
    }
    for (size_t i = 1; i < points.size(); ++i)
        draw->AddLine(toScreen(points[i - 1]), toScreen(points[i]), IM_COL32(230, 230, 230, 255), 1.5f);
    ImGui::InvisibleButton(id, size, ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
    static int dragging = -1;
    const ImVec2 m = ImGui::GetIO().MousePos;
    int near = -1;
    for (size_t i = 0; i < points.size(); ++i) {
        const ImVec2 s = toScreen(points[i]);
        if (std::hypot(s.x - m.x, s.y - m.y) < 7) near = int(i);
        draw->AddCircleFilled(s, 4, IM_COL32(255, 210, 80, 255));
    }
    bool changed = false;
    if (ImGui::IsItemActivated()) dragging = near;
    if (!ImGui::IsItemActive()) dragging = -1;
    if (dragging >= 0 && dragging < int(points.size()) && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 0)) {
        auto q = fromScreen(m);
        // x stays strictly between the neighbours, as the declaration requires increasing x.
        const double eps = (hi - lo) * 1e-3;
        if (dragging > 0) q[0] = std::max(q[0], points[dragging - 1][0] + eps);
        if (dragging + 1 < int(points.size())) q[0] = std::min(q[0], points[dragging + 1][0] - eps);
        points[dragging] = q;
        changed = true;
    }
    if (ImGui::IsItemHovered() && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left) && near < 0) {
        const auto q = fromScreen(m);
        points.insert(std::upper_bound(points.begin(), points.end(), q,
                                       [](const auto& a, const auto& b) { return a[0] < b[0]; }),
                      q);
        changed = true;
    }
    if (ImGui::IsItemClicked(ImGuiMouseButton_Right) && near >= 0 && points.size() > 2) {
        points.erase(points.begin() + near);
        changed = true;
    }
    return changed;
}

}  // namespace

void drawInspector(StationState& state, const PanelRect& rect) {
    ImGui::SetNextWindowPos({rect.x, rect.y});
    ImGui::SetNextWindowSize({rect.w, rect.h});
    ImGui::Begin("Inspector", nullptr, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse);
    const GradeNode* found = state.editor.grade().find(state.selected);
    const NodeType* type = found ? findNodeType(found->type) : nullptr;
    if (!found || !type) {
        ImGui::TextDisabled("Select a node in the node editor.");
        ImGui::End();
        return;
    }
    // A copy: each edit below replaces the grade, and `found` points into the one it replaced.
    const GradeNode node = *found;
    const std::string& id = node.id;
    try {
        ImGui::Text("%s  (%s)", id.c_str(), type->name.c_str());
        char label[128];
        std::snprintf(label, sizeof label, "%s", node.label.c_str());
        if (ImGui::InputText("label", label, sizeof label, ImGuiInputTextFlags_EnterReturnsTrue))
            state.editor.setLabel(id, label);
        bool bypass = node.bypass;
        if (ImGui::Checkbox("bypass", &bypass)) state.editor.setBypass(id, bypass);
        float opacity = float(node.opacity);
        if (ImGui::SliderFloat("opacity", &opacity, 0, 1)) state.editor.setOpacity(id, opacity);
        if (type->name == "qualifier") {
            // The picker: click or stroke the viewer where the colours to select are.
            const bool armed = state.picker && state.picker->node == id;
            if (ImGui::Button(armed && !state.picker->extend ? "Picking..." : "Pick")) state.picker = QualifierPicker{id, false};
            ImGui::SameLine();
            if (ImGui::Button(armed && state.picker->extend ? "Picking +..." : "Pick +")) state.picker = QualifierPicker{id, true};
            if (armed) {
                ImGui::SameLine();
                if (ImGui::Button("Done")) state.picker.reset();
            }
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("Pick: ranges from the pixels clicked or stroked in the viewer; Pick +: add them");
        }
        ImGui::Separator();
        for (const ParamDecl& decl : type->params) {
            ImGui::PushID(decl.name.c_str());
            const ParamValue& value = node.params.get(decl.name);
            switch (decl.type) {
                case ParamType::Number: {
                    double x = std::get<double>(value);
                    const double speed = std::isfinite(decl.max - decl.min) && decl.max - decl.min < 1e6 ? (decl.max - decl.min) / 1000 : 0.01;
                    if (ImGui::DragScalar(decl.name.c_str(), ImGuiDataType_Double, &x, float(speed), &decl.min, &decl.max, "%.4f"))
                        state.editor.setParam(id, decl.name, std::clamp(x, decl.min, decl.max), ImGui::IsItemActive());
                    break;
                }
                case ParamType::Rgbm:
                case ParamType::Rgb: {
                    auto v = std::get<std::array<double, 4>>(value);
                    const int n = decl.type == ParamType::Rgbm ? 4 : 3;
                    bool changed = false;
                    if (decl.hint == "wheel") {
                        ImGui::TextUnformatted(decl.name.c_str());
                        const double reach = std::min(1.0, (decl.max - decl.min) / 4);
                        changed |= colourWheel("##wheel", v, reach);
                        ImGui::SameLine();
                        ImGui::BeginGroup();
                        ImGui::SetNextItemWidth(120);
                        changed |= ImGui::DragScalar("master", ImGuiDataType_Double, &v[3], 0.005f, &decl.min, &decl.max, "%.3f");
                        ImGui::SetNextItemWidth(120);
                        changed |= ImGui::DragScalarN("rgb", ImGuiDataType_Double, v.data(), 3, 0.005f, &decl.min, &decl.max, "%.3f");
                        ImGui::EndGroup();
                    } else {
                        changed = ImGui::DragScalarN(decl.name.c_str(), ImGuiDataType_Double, v.data(), n, 0.005f, &decl.min,
                                                     &decl.max, "%.3f");
                    }
                    if (changed) {
                        for (int i = 0; i < n; ++i) v[i] = std::clamp(v[i], decl.min, decl.max);
                        state.editor.setParam(id, decl.name, v, ImGui::IsMouseDown(ImGuiMouseButton_Left));
                    }
                    break;
                }
                case ParamType::Flag: {
                    bool b = std::get<bool>(value);
                    if (ImGui::Checkbox(decl.name.c_str(), &b)) state.editor.setParam(id, decl.name, b);
                    break;
                }
                case ParamType::Choice: {
                    const std::string& current = std::get<std::string>(value);
                    if (ImGui::BeginCombo(decl.name.c_str(), current.c_str())) {
                        for (const auto& choice : decl.choices)
                            if (ImGui::Selectable(choice.c_str(), choice == current)) state.editor.setParam(id, decl.name, choice);
                        ImGui::EndCombo();
                    }
                    break;
                }
                case ParamType::File:
                case ParamType::Frames: {
                    char path[1024];
                    std::snprintf(path, sizeof path, "%s", std::get<std::string>(value).c_str());
                    if (ImGui::InputText(decl.name.c_str(), path, sizeof path, ImGuiInputTextFlags_EnterReturnsTrue))
                        state.editor.setParam(id, decl.name, std::string(path));
                    break;
                }
                case ParamType::Points: {
                    CurvePoints points = std::get<CurvePoints>(value);
                    ImGui::TextUnformatted(decl.name.c_str());
                    if (curveEditor("##curve", points, decl.min, decl.max)) state.editor.setParam(id, decl.name, points, ImGui::IsMouseDown(ImGuiMouseButton_Left));
                    break;
                }
                case ParamType::Polygon: {  // vertices as fractions of the frame, in drawing order
                    CurvePoints points = std::get<CurvePoints>(value);
                    ImGui::TextUnformatted(decl.name.c_str());
                    bool changed = false;
                    for (size_t i = 0; i < points.size(); ++i) {
                        ImGui::PushID(int(i));
                        changed |= ImGui::DragScalarN("##vertex", ImGuiDataType_Double, points[i].data(), 2, 0.002f, &decl.min,
                                                      &decl.max, "%.3f");
                        ImGui::PopID();
                    }
                    if (ImGui::SmallButton("+ vertex")) points.push_back(points.back()), changed = true;
                    ImGui::SameLine();
                    if (ImGui::SmallButton("- vertex") && points.size() > 3) points.pop_back(), changed = true;
                    if (changed) state.editor.setParam(id, decl.name, points, ImGui::IsMouseDown(ImGuiMouseButton_Left));
                    break;
                }
            }
            if (!decl.doc.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", decl.doc.c_str());
            ImGui::PopID();
        }
    } catch (const Error& e) {
        state.notify(e.what(), true);
    }
    ImGui::End();
}

}  // namespace tinct
