#pragma once
// The station's panels, one file each. Each draws with Dear ImGui from StationState and changes it
// only through GradeEditor or the state's own fields.
#include <array>
#include <optional>
#include <string>

#include "app/gui/StationState.h"
#include "engine/color/ColorConfig.h"
#include "engine/io/Frame.h"

namespace tinct {

class MediaSource;

// The fixed layout of the window, in window pixels: the same on every start, so screenshots of a
// size always show a panel at the same place.
struct PanelRect {
    float x, y, w, h;
};
struct StationLayout {
    PanelRect viewer, clipBar, nodes, inspector, scopes;
    static StationLayout forWindow(float width, float height);
};

// What the picker shows for the picked pixel.
struct PickedValues {
    std::array<float, 4> source{}, working{}, display{};
    bool valid = false;
};

void drawViewerPanel(StationState& state, const PanelRect& rect, int imageW, int imageH, const PickedValues& picked);
// The window shape and handles of the selected node (or of the window limiting it), and the
// qualifier picker's stroke, over the viewer. True while a tool has the left mouse button.
bool drawViewerTools(StationState& state, int imageW, int imageH, bool imageHovered);
const GradeNode* windowForTools(const Grade& grade, const std::string& selected);
void drawNodeEditor(StationState& state, const PanelRect& rect);
void drawInspector(StationState& state, const PanelRect& rect);
void drawScopesPanel(StationState& state, const PanelRect& rect);
void drawClipBar(StationState& state, const PanelRect& rect, const MediaSource& media);
// The clip bar's repair count: started when asked (the bar's Repairs button, a script), its counts
// taken into the state each frame, and the index of the nearest frame before (direction -1) or
// after (1) `from` that has repairs, -1 where none.
class BackgroundRepairCount;
void startRequestedRepairCount(StationState& state, BackgroundRepairCount& count, const MediaSource& media);
void takeRepairCounts(StationState& state, const BackgroundRepairCount& count);
int repairedIndex(const StationState& state, const MediaSource& media, int from, int direction);
void drawColourMenu(StationState& state, const LoadedConfig& config);
// On an HDR10 window: warns in the status line when the display/view does not give Rec.2100 PQ, and
// takes the warning back once it does.
void checkHdr10Display(StationState& state, const LoadedConfig& config);
void drawHelpPanel(StationState& state);
// The render dialog: output, codec and range, progress with fps and time left, cancel. Starting
// (from the dialog or a script's request) builds the engine's RenderSettings from the grade and the
// colour settings the viewer uses (no viewer aids, no calibration LUT).
class BackgroundRender;
void drawRenderDialog(StationState& state, BackgroundRender& render, const MediaSource& media);
void startRequestedRender(StationState& state, BackgroundRender& render, const MediaSource& media);

// Fits the image into the viewer area (centred) or shows it at exactly one window pixel per image
// pixel, centred on a whole pixel.
void fitViewer(ViewerState& viewer, int imageW, int imageH);
void oneToOneViewer(ViewerState& viewer, int imageW, int imageH);

}  // namespace tinct
