// The scopes panel: picks the scope; the image itself is the ScopeEngine's, composited under the
// panel (which has no background) where the panel leaves room for it.
#include <imgui.h>

#include <algorithm>

#include "app/gui/Panels.h"

namespace tinct {

void drawScopesPanel(StationState& state, const PanelRect& rect) {
    ImGui::SetNextWindowPos({rect.x, rect.y});
    ImGui::SetNextWindowSize({rect.w, rect.h});
    ImGui::Begin("Scopes", nullptr,
                 ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                     ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoScrollbar);
    ImGui::SetNextItemWidth(140);
    if (ImGui::BeginCombo("scope", scopeKindName(state.scopeKind))) {
        for (ScopeKind kind : allScopeKinds())
            if (ImGui::Selectable(scopeKindName(kind), kind == state.scopeKind)) {
                state.scopeKind = kind;
                state.colourChanged = true;
            }
        ImGui::EndCombo();
    }
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const bool square = state.scopeKind == ScopeKind::Vectorscope || state.scopeKind == ScopeKind::Cie;
    int w = std::max(0, int(avail.x)), h = std::max(0, int(avail.y));
    if (square) w = h = std::min(w, h);
    state.scopeArea[0] = int(at.x), state.scopeArea[1] = int(at.y), state.scopeArea[2] = w, state.scopeArea[3] = h;
    ImGui::End();
}

}  // namespace tinct
