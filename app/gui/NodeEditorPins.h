#pragma once
// Where the node editor put things this frame: each box, and the pins on its edges that links start
// and end on. NodeEditor lays the boxes out and draws links between pins; NodeEditorDrag turns
// gestures on the pins and boxes into edits; scripts aim the mouse at the pins by name.
#include <imgui.h>

#include <map>
#include <string>
#include <vector>

#include "engine/graph/Grade.h"

namespace tinct {

constexpr const char* kOutputBox = "#output";  // the box standing for the grade's output

struct NodeBoxes {
    std::map<std::string, ImVec2> at;  // top-left of each box: node ids, "source", kOutputBox
    float w = 0, h = 0, zoom = 1;
    bool contains(const std::string& id, ImVec2 p) const;
    // The box under `p`: a node id, "source", kOutputBox, or "" for the empty canvas.
    std::string under(ImVec2 p) const;
};

enum class PinKind { Output, Input, Matte };

struct NodePin {
    std::string node;  // a node id, "source" or kOutputBox
    PinKind kind = PinKind::Output;
    size_t slot = 0;   // inputs: 0-based
    ImVec2 at;
    bool connected = false;  // inputs: fed by something (not a mixer's spare slot); matte: one attached
};

// Input slots drawn for a node: its inputs, and for a mixer with room for more one spare slot after
// them (a link dropped there adds an input).
size_t inputSlots(const GradeNode& node);
// Where input `slot` of a box with `slots` inputs sits: spread down its left edge.
ImVec2 inputPinAt(const NodeBoxes& boxes, const std::string& id, size_t slot, size_t slots);
// Every pin: the output on the right edge, the inputs on the left, the matte at the bottom; the
// source has only an output, the output box only an input, a window (which reads no image) no input.
std::vector<NodePin> nodePins(const Grade& grade, const NodeBoxes& boxes);
// A pin's name for scripts: "n1:output", "n1:input 2" (1-based), "n1:matte", "source:output",
// "output:input 1".
std::string pinName(const NodePin& pin);

}  // namespace tinct
