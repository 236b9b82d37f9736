#pragma once
// What the station's panels look at and change: the grade under edit (through GradeEditor, so every
// edit can be undone), the colour settings, the viewer's framing and aids, the clip position. Panels
// are functions of this state; none holds image maths.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "engine/color/ColorPipeline.h"
#include "engine/graph/GradeEditor.h"
#include "engine/scopes/ScopeOptions.h"

namespace tinct {

struct ViewerState {
    bool fit = true;                 // refit whenever the area or the image changes
    float scale = 1;                 // window pixels per image pixel
    float originX = 0, originY = 0;  // image coordinate at the viewer area's top-left
    bool wipe = false;
    float wipePosition = 0.5f;       // fraction of the image width
    bool falseColour = false;
    std::optional<std::array<int, 2>> pick;  // image pixel
    // The viewer area in window pixels, as the last frame laid it out.
    int areaX = 0, areaY = 0, areaW = 0, areaH = 0;
};

struct ClipState {
    int index = 0;                 // into the media's frames
    bool playing = false;
    int in = 0, out = -1;          // inclusive; out -1: the last frame
    double fps = 24;
};

struct StationState {
    GradeEditor editor;
    std::string gradePath;          // where Ctrl+S saves; empty until a grade is opened or saved
    std::string baseDirectory;      // relative file parameters resolve here
    std::string selected;           // node id
    ColorRequest color;
    std::string calibrationLut;
    ScopeKind scopeKind = ScopeKind::Waveform;
    ViewerState viewer;
    ClipState clip;
    std::string message;            // the last error or notice, shown until replaced
    bool messageIsError = false;
    bool showHelp = false;
    bool colourChanged = true;      // rebuild the colour plan and programs
    int scopeArea[4] = {0, 0, 0, 0};

    void notify(const std::string& text, bool error = false) {
        message = text;
        messageIsError = error;
    }
};

}  // namespace tinct
