// The colour management menu: config, input and working colour spaces, display, view, looks and the
// calibration LUT. Names come from the loaded OCIO config; planColor checks them when applied.
#include <imgui.h>

#include <OpenColorIO/OpenColorIO.h>

#include <algorithm>

#include "app/gui/Panels.h"
#include "engine/color/Hdr10Signal.h"

namespace tinct {

void drawColourMenu(StationState& state, const LoadedConfig& config) {
    if (!ImGui::BeginMenu("Colour")) return;
    const auto& c = config.config;
    ImGui::TextDisabled("config: %s (%s)", config.path.c_str(), config.source.c_str());
    ImGui::TextDisabled("window: %s", state.swapchain.c_str());
    if (state.swapchainHdr10) {
        const auto mismatch = hdr10Mismatch(c, state.color.display, state.color.view);
        if (mismatch) ImGui::TextColored({1.0f, 0.45f, 0.4f, 1.0f}, "not an HDR10 signal: %s", mismatch->c_str());
        else ImGui::TextDisabled("the display/view gives Rec.2100 PQ, as the HDR10 window shows it");
    }
    auto pick = [&](const char* title, std::string& field, const std::vector<std::string>& names) {
        if (!ImGui::BeginMenu(title)) return;
        for (const auto& name : names)
            if (ImGui::MenuItem(name.c_str(), nullptr, name == field)) {
                field = name;
                state.colourChanged = true;
            }
        ImGui::EndMenu();
    };
    std::vector<std::string> spaces = {"auto"}, displays, views, looks;
    for (int i = 0; i < c->getNumColorSpaces(); ++i) spaces.push_back(c->getColorSpaceNameByIndex(i));
    for (int i = 0; i < c->getNumDisplays(); ++i) displays.push_back(c->getDisplay(i));
    for (int i = 0; i < c->getNumViews(state.color.display.c_str()); ++i)
        views.push_back(c->getView(state.color.display.c_str(), i));
    for (int i = 0; i < c->getNumLooks(); ++i) looks.push_back(c->getLookNameByIndex(i));
    pick("Input colour space", state.color.input, spaces);
    std::vector<std::string> working(spaces.begin() + 1, spaces.end());
    pick("Working colour space", state.color.working, working);
    pick("Display", state.color.display, displays);
    pick("View", state.color.view, views);
    if (ImGui::BeginMenu("Looks")) {
        for (const auto& look : looks) {
            auto it = std::find(state.color.looks.begin(), state.color.looks.end(), look);
            if (ImGui::MenuItem(look.c_str(), nullptr, it != state.color.looks.end())) {
                if (it == state.color.looks.end()) state.color.looks.push_back(look);
                else state.color.looks.erase(it);
                state.colourChanged = true;
            }
        }
        ImGui::EndMenu();
    }
    static char lut[1024] = "";
    if (ImGui::IsWindowAppearing()) std::snprintf(lut, sizeof lut, "%s", state.calibrationLut.c_str());
    if (ImGui::InputText("calibration LUT", lut, sizeof lut, ImGuiInputTextFlags_EnterReturnsTrue)) {
        state.calibrationLut = lut;
        state.colourChanged = true;
    }
    ImGui::EndMenu();
}

void checkHdr10Display(StationState& state, const LoadedConfig& config) {
    static const std::string prefix = "HDR10 window: ";
    if (auto mismatch = hdr10Mismatch(config.config, state.color.display, state.color.view))
        state.notify(prefix + *mismatch, true);
    else if (state.message.rfind(prefix, 0) == 0)
        state.notify("");  // the warning about the previous display no longer holds
}

void drawHelpPanel(StationState& state) {
    if (!state.showHelp) return;
    ImGui::SetNextWindowPos({60, 60}, ImGuiCond_Appearing);
    ImGui::Begin("Keyboard", &state.showHelp, ImGuiWindowFlags_AlwaysAutoResize);
    static const char* keys[][2] = {
        {"Alt+S", "add a serial node after the selected one"}, {"Alt+P", "add a parallel node"},
        {"Alt+L", "add a layer node"}, {"Ctrl+D", "bypass the selected node"}, {"Ctrl+G", "grab a still"}, {"Shift+D", "bypass all nodes"},
        {"Ctrl+Z", "undo"}, {"Ctrl+Shift+Z", "redo"}, {"Space", "play / pause"}, {"Left / Right", "step a frame"},
        {"Ctrl+S", "save the grade"}, {"Escape", "leave the qualifier picker"}, {"F1", "this help"}};
    for (auto& k : keys) ImGui::Text("%-14s %s", k[0], k[1]);
    ImGui::Separator();
    ImGui::TextUnformatted("Viewer: wheel zoom, right-drag pan, click to pick; drag a window's handles;\n"
                           "a qualifier's Pick / Pick + samples the colours clicked or stroked.");
    ImGui::Separator();
    ImGui::TextDisabled("Node editor, with the mouse");
    static const char* gestures[][2] = {
        {"output -> input", "connect (a mixer's hollow slot adds an input)"},
        {"output -> matte", "a qualifier or window limits the node (cyan pin)"},
        {"output -> output", "that node's result is the grade's"},
        {"pin -> empty", "pull a link off: a mixer's input, or a matte"},
        {"node -> node", "move it after that node (onto source: first)"},
        {"click / wheel", "select / zoom; right drag: pan"}};
    for (auto& g : gestures) ImGui::Text("%-17s %s", g[0], g[1]);
    ImGui::End();
}

}  // namespace tinct
