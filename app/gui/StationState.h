#pragma once
// What the station's panels look at and change: the grade under edit (through GradeEditor, so every
// edit can be undone), the colour settings, the viewer's framing and aids, the clip position. Panels
// are functions of this state; none holds image maths.
#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/color/ColorPipeline.h"
#include "engine/graph/GradeEditor.h"
#include "engine/restore/MotionProbe.h"
#include "engine/scopes/ScopeOptions.h"

namespace tinct {

struct ViewerState {
    bool fit = true;                 // refit whenever the area or the image changes
    float scale = 1;                 // window pixels per image pixel
    float originX = 0, originY = 0;  // image coordinate at the viewer area's top-left
    bool wipe = false;
    float wipePosition = 0.5f;       // fraction of the image width
    bool falseColour = false;
    bool gamutWarning = false;       // display values above 1 red, below 0 (out of gamut) cyan
    bool repairOverlay = false;      // the repairs of the selected repairing node (or of all) in red
    bool motionOverlay = false;      // the motion service's field to the next frame, as arrows
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

// A still: a shot's grade and frame, kept to compare against (the wipe) and to copy from.
struct Still {
    std::string label;
    Grade grade;
    int frameIndex = 0;
};

// The render dialog's choices.
struct RenderRequest {
    bool open = false;
    std::string output;             // a pattern (####), a single file, or a movie; its extension picks the format
    std::string codec = "prores";   // movies: prores, dnxhr, h264, hevc, ffv1
    std::string profile = "hq";     // prores / dnxhr profile
    bool wholeClip = false;         // else the clip's in..out
    bool start = false;             // set by the dialog or a script: start on the next frame
};

// The qualifier picker, armed for a qualifier node: a click or a stroke on the viewer collects image
// pixels; when the button is released the loop sets the node's ranges from what it sees there.
struct QualifierPicker {
    std::string node;
    bool extend = false;                      // add to the ranges ("+") instead of replacing them
    std::vector<std::array<int, 2>> stroke;   // image pixels
    bool strokeDone = false;
};

// The clip bar's repairs per frame (a count run over the clip in the background).
struct RepairCounts {
    std::map<int64_t, uint64_t> repairs;  // frame number -> repairs, of the frames counted so far
    std::string status;                   // progress, or how the count ended
    bool failed = false;
    bool stale = false;                   // the grade or the colour settings changed since it began
    bool start = false;                   // asked for (the clip bar's button, a script)
    bool begun = false, running = false;
    size_t done = 0, total = 0;           // frames counted, of the clip's
    Grade grade;                          // what the count runs: the grade and the colour settings
    ColorRequest color;
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
    std::string swapchain;          // what the window shows: signal, bit depth, Vulkan format
    bool swapchainHdr10 = false;
    RenderRequest render;
    RepairCounts repairCounts;
    MotionField motionField;        // the motion overlay's field, from frame motionFrom (a number) on
    int64_t motionFrom = -1;
    std::vector<Still> stills;
    int wipeStill = -1;             // the still the wipe shows on its other side; -1: the ungraded source
    bool stillChanged = false;      // rebuild the wipe's reference
    // Where the node editor drew things last frame ("n1:body", "n1:output", "n1:input 1", "n1:matte",
    // "source:output", "output:input 1"; a mixer's spare slot is its last input), in window pixels:
    // scripts aim the mouse at them.
    std::map<std::string, std::array<float, 2>> nodePoints;
    std::optional<QualifierPicker> picker;
    // Where the node editor left room for thumbnails last frame, {x, y, w, h} in window pixels, by
    // node id ("source" the source, "#output" the output box), and its canvas, which the thumbnail
    // pass fills (the editor's window has no background, so both show through the UI).
    std::map<std::string, std::array<float, 4>> nodeThumbnails;
    std::array<float, 4> nodeCanvas{};
    float thumbnailAspect = 9.0f / 16.0f;  // height / width of the source, for the thumbnails' room
    int64_t sourceReads = 0;               // frames read from the media so far (scripts' dump_layout)

    void grabStill() {
        stills.push_back({"still " + std::to_string(stills.size() + 1), editor.grade(), clip.index});
        notify("grabbed " + stills.back().label + " (frame " + std::to_string(clip.index + 1) + ")");
    }
    void wipeAgainst(int still) {
        wipeStill = still;
        viewer.wipe = viewer.wipe || still >= 0;
        stillChanged = true;
    }
    void applyStill(int still) { editor.replaceGrade(stills.at(size_t(still)).grade, "apply the grade of " + stills.at(size_t(still)).label); }

    void notify(const std::string& text, bool error = false) {
        message = text;
        messageIsError = error;
    }
};

}  // namespace tinct
