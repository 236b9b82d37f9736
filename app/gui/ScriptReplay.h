#pragma once
// Replays UI actions from a JSON file, one action per frame, through the same calls the panels make,
// so tests drive the real station under Xvfb. Actions:
//   {"action": "add_node", "type": "primaries"}            after the selected node; selects it
//   {"action": "add_parallel", "type": "cdl"}              beside the selected (or "node"), joined by a parallel mixer
//   {"action": "add_layer", "type": "cdl"}                 the same with a layer mixer, the new node on top
//   {"action": "add_matte", "type": "window"}              a qualifier or window limiting the selected node
//   {"action": "render", "output": "out.####.exr", "codec": "prores", "profile": "hq", "whole_clip": true}
//   {"action": "wait_render"}   (blocks until the render ends; a failed render fails the script)
//   {"action": "count_repairs"}  {"action": "wait_repairs"}  (the clip bar's Repairs; blocks until counted)
//   {"action": "next_repair", "by": 1}  (the clip bar's R> and, with -1, <R: the nearest frame with repairs)
//   {"action": "grab_still"}  {"action": "wipe_still", "index": 1}  (0: the source)  {"action": "apply_still", "index": 1}
//   {"action": "select", "node": "n1"}
//   {"action": "set_param", "node": "n1", "param": "saturation", "value": 1.4}   value as in grade files
//   {"action": "move_wheel", "node": "n1", "param": "gain", "rgbm": [1.1, 1, 0.9, 1]}
//   {"action": "remove_node", "node": "n1"}   {"action": "bypass", "node": "n1", "on": true}
//   {"action": "undo"}  {"action": "redo"}  {"action": "save", "path": "g.json"}  (path optional)
//   {"action": "frame", "index": 3}  {"action": "play"}  {"action": "pause"}  {"action": "step", "by": -1}
//   {"action": "wipe", "on": true, "position": 0.5}
//   {"action": "false_colour", "on": true}  {"action": "gamut_warning", "on": true}  {"action": "zoom", "mode": "fit" | "1:1"} or {"action": "zoom", "scale": 0.5}
//   {"action": "repair_overlay", "on": true}   {"action": "motion_overlay", "on": true}   (the viewer's Repairs, Motion)
//   {"action": "pick", "x": 10, "y": 20}  {"action": "scope", "kind": "parade"}
//   {"action": "display", "display": "sRGB", "view": "..."}  {"action": "wait", "frames": 10}
//   {"action": "qualifier_picker", "node": "n2", "extend": false}  (arms the picker; "on": false disarms)
//   {"action": "screenshot", "path": "x.png"}  {"action": "hold"}  (stay open until closed or killed)
//   {"action": "dump_layout", "path": "layout.json"}  (the node editor's points, thumbnail rectangles
//   and canvas of the last frame, in window pixels; the viewer's area, origin and scale; the frame index;
//   the clip bar's repair counts; with the motion overlay on, its blocks)
// The mouse, through ImGui as a person's would be (one position per frame):
//   {"action": "drag", "from": P, "to": P, "button": "left", "steps": 8}
//   {"action": "click", "at": P, "button": "left"}   {"action": "hover", "at": P}   {"action": "scroll", "at": P, "wheel": 1}
// where a point P is [x, y] in window pixels, {"image": [x, y]} that image position in the viewer
// (pixel centres at .5), or {"node": "n1", "pin": "body"} a place in the node editor (pins: "body",
// "output", "input 1".., "matte"; the node "source" is the graph's source, "output" its output).
// A drag that changes the graph shows the new layout two frames later: wait 2 frames before aiming
// at node points again.
#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/gui/ScriptedMouse.h"
#include "app/gui/StationState.h"

namespace tinct {

struct ScriptHooks {
    std::function<void(const std::string& path)> save, screenshot;
    std::function<void(int imageW, int imageH)> oneToOne;
    std::function<void()> startRender, waitRender, waitRepairs;
    std::function<void(int direction)> jumpToRepair;
};

class ScriptReplay {
public:
    ScriptReplay() = default;
    explicit ScriptReplay(const std::string& path);  // throws tinct::Error naming the file
    bool active() const { return next_ < actions_.size() || waiting_ > 0 || !mouseFrames_.empty() || holding_; }
    // Runs the next action (or one frame of a wait). Throws tinct::Error naming the action.
    void step(StationState& state, const ScriptHooks& hooks, int imageW, int imageH);
    // The mouse for the next frame, once the script has moved it; the real mouse until then.
    const ScriptedMouse* mouse() const { return mouse_ ? &*mouse_ : nullptr; }

private:
    std::string path_;
    std::vector<nlohmann::json> actions_;
    size_t next_ = 0;
    int waiting_ = 0;
    bool holding_ = false;
    std::deque<ScriptedMouse> mouseFrames_;  // the rest of a drag or click, one per frame
    std::optional<ScriptedMouse> mouse_;
};

}  // namespace tinct
