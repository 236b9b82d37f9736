#include "app/gui/NodeEditorDrag.h"

#include <algorithm>
#include <cmath>
#include <functional>

#include "engine/Error.h"
#include "engine/nodes/NodeTypes.h"

namespace tinct {
namespace {

constexpr ImU32 kImageLink = IM_COL32(200, 200, 120, 255);
constexpr ImU32 kMatteLink = IM_COL32(90, 200, 230, 255);
constexpr ImU32 kTarget = IM_COL32(120, 230, 120, 255);
constexpr ImU32 kPulledOff = IM_COL32(230, 120, 100, 255);

// The gesture under way, from the press on the canvas to the release.
struct Drag {
    enum Kind { None, Link, Unlink, Body } kind = None;
    NodePin from;      // Link: an output pin; Unlink: a connected input or matte pin
    std::string node;  // Body: the node being moved
    ImVec2 pressedAt;
};
Drag drag;

float distance(ImVec2 a, ImVec2 b) { return std::hypot(a.x - b.x, a.y - b.y); }

// How near the mouse must come to a pin: generous at normal zoom, less when zoomed out so that the
// output and input pins across a narrowed gap stay apart.
float reach(const NodeBoxes& boxes) { return std::clamp(10 * boxes.zoom, 5.0f, 10.0f); }

const NodePin* pinUnder(const std::vector<NodePin>& pins, ImVec2 p, float within,
                        const std::function<bool(const NodePin&)>& wanted = {}) {
    const NodePin* best = nullptr;
    for (const auto& pin : pins) {
        const float d = distance(pin.at, p);
        if (d <= within && (!wanted || wanted(pin)) && (!best || d < distance(best->at, p))) best = &pin;
    }
    return best;
}

bool isTargetPin(const NodePin& pin) { return pin.kind != PinKind::Output; }

bool overOutputBox(const NodeBoxes& boxes, const NodePin* target, ImVec2 at) {
    return target ? target->node == kOutputBox : boxes.under(at) == kOutputBox;
}

// Each drop names what it tried in `attempt`, so that a refusal says which gesture it refused.
void dropLink(StationState& state, const NodeBoxes& boxes, const std::vector<NodePin>& pins, ImVec2 at, std::string& attempt) {
    const std::string& from = drag.from.node;
    const NodePin* target = pinUnder(pins, at, reach(boxes), isTargetPin);
    if (overOutputBox(boxes, target, at)) {
        attempt = "make " + from + " the output";
        if (from == kSourceInput) throw Error("the output is a node's result, not the source");
        state.editor.setOutput(from);
    } else if (target && target->kind == PinKind::Input) {
        attempt = "connect " + from + " to input " + std::to_string(target->slot + 1) + " of " + target->node;
        state.editor.connect(target->node, target->slot, from);  // the spare slot is one past the inputs: added
    } else if (target && target->kind == PinKind::Matte) {
        attempt = "limit " + target->node + " by " + from;
        // Said here in a colorist's words; the grade's own check would only name the broken rule.
        const GradeNode* matte = state.editor.grade().find(from);
        const NodeType* type = matte ? findNodeType(matte->type) : nullptr;
        if (!type || type->kind != NodeKind::Matte)
            throw Error("only a qualifier or window makes a matte; " +
                        (matte ? "'" + from + "' is a " + matte->type + " node" : std::string("the source is a picture")));
        state.editor.setMatte(target->node, from);
    }
}

// A link pulled off an input or matte pin and let go over the empty canvas.
void dropUnlink(StationState& state, const NodeBoxes& boxes, const std::vector<NodePin>& pins, ImVec2 at, std::string& attempt) {
    if (!boxes.under(at).empty() || pinUnder(pins, at, reach(boxes))) return;
    const GradeNode* node = state.editor.grade().find(drag.from.node);
    if (!node) return;
    attempt = drag.from.kind == PinKind::Matte ? "remove the matte of " + node->id
                                               : "disconnect input " + std::to_string(drag.from.slot + 1) + " of " + node->id;
    if (drag.from.kind == PinKind::Matte) {
        state.editor.setMatte(node->id, "");
        return;
    }
    // A grade has no empty inputs: a one-input node keeps its link (reconnecting it to the source
    // behind the colorist's back would change the picture), a mixer keeps its minimum.
    const NodeType* type = findNodeType(node->type);
    if (type->maxInputs <= 1)
        throw Error("node '" + node->id + "' (" + node->type +
                    ") needs its input: drag another node's output onto it to take that instead, or delete the node");
    if (node->inputs.size() <= type->minInputs)
        throw Error("mixer '" + node->id + "' joins at least " + std::to_string(type->minInputs) +
                    " inputs: drag another node's output onto this input to replace it");
    state.editor.disconnect(node->id, drag.from.slot);
}

void dropBody(StationState& state, const NodeBoxes& boxes, ImVec2 at, std::string& attempt) {
    std::string target = boxes.under(at);
    if (target.empty() || target == drag.node) return;
    if (target == kOutputBox) {  // the end of the chain: after the output node
        const GradeNode* out = state.editor.grade().outputNode();
        if (!out || out->id == drag.node) return;
        target = out->id;
    }
    attempt = target == kSourceInput ? "move " + drag.node + " to the start" : "move " + drag.node + " after " + target;
    state.editor.moveNode(drag.node, target);  // onto "source": the start
}

void outline(ImDrawList* draw, const NodeBoxes& boxes, ImVec2 p, ImU32 colour) {
    draw->AddRect(p, {p.x + boxes.w, p.y + boxes.h}, colour, 6 * boxes.zoom, 0, 2.5f);
}

void link(ImDrawList* draw, ImVec2 from, ImVec2 to, ImU32 colour) {
    const float bend = std::min(60.0f, std::abs(to.x - from.x) * 0.5f + 10);
    draw->AddBezierCubic(from, {from.x + bend, from.y}, {to.x - bend, to.y}, to, colour, 2.0f);
}

void drawPins(ImDrawList* draw, const NodeBoxes& boxes, const std::vector<NodePin>& pins, const NodePin* hovered) {
    const float radius = std::clamp(4 * boxes.zoom, 3.0f, 5.0f);
    for (const auto& pin : pins) {
        const ImU32 colour = pin.kind == PinKind::Matte ? kMatteLink : kImageLink;
        if (pin.connected)
            draw->AddCircleFilled(pin.at, radius, colour);
        else  // a spare mixer slot, or a matte pin with no matte: hollow
            draw->AddCircle(pin.at, radius, colour, 0, 1.5f);
    }
    if (hovered) draw->AddCircle(hovered->at, reach(boxes), IM_COL32(240, 240, 240, 200), 0, 1.5f);
}

}  // namespace

void nodeEditorGestures(StationState& state, const NodeBoxes& boxes, const std::vector<NodePin>& pins, ImDrawList* draw,
                        bool pressed, bool hovered) {
    const ImGuiIO& io = ImGui::GetIO();
    const ImVec2 mouse = io.MousePos;
    const float r = reach(boxes);
    if (pressed) {
        drag = {};
        drag.pressedAt = mouse;
        if (const NodePin* pin = pinUnder(pins, mouse, r)) {
            if (pin->kind == PinKind::Output) {
                drag.kind = Drag::Link;
                drag.from = *pin;
            } else if (pin->connected && pin->node != kOutputBox) {
                drag.kind = Drag::Unlink;
                drag.from = *pin;
            }
        } else if (const std::string id = boxes.under(mouse); state.editor.grade().find(id)) {
            state.selected = id;
            drag.kind = Drag::Body;
            drag.node = id;
        }
    }
    // Short of ImGui's drag threshold a press is a click: it selects, it moves nothing.
    const bool moved = drag.kind != Drag::None && distance(mouse, drag.pressedAt) > io.MouseDragThreshold;

    drawPins(draw, boxes, pins, drag.kind == Drag::None && hovered ? pinUnder(pins, mouse, r) : nullptr);
    if (moved && drag.kind == Drag::Link) {
        const NodePin* target = pinUnder(pins, mouse, r, isTargetPin);
        link(draw, drag.from.at, mouse, target && target->kind == PinKind::Matte ? kMatteLink : kImageLink);
        if (overOutputBox(boxes, target, mouse))
            outline(draw, boxes, boxes.at.at(kOutputBox), kTarget);
        else if (target)
            draw->AddCircle(target->at, r, kTarget, 0, 2.5f);
    } else if (moved && drag.kind == Drag::Unlink) {
        const bool empty = boxes.under(mouse).empty() && !pinUnder(pins, mouse, r);
        link(draw, mouse, drag.from.at, empty ? kPulledOff : IM_COL32(150, 150, 150, 255));
    } else if (moved && drag.kind == Drag::Body && boxes.at.count(drag.node)) {
        const ImVec2 p = boxes.at.at(drag.node);
        const ImVec2 ghost{p.x + mouse.x - drag.pressedAt.x, p.y + mouse.y - drag.pressedAt.y};
        draw->AddRectFilled(ghost, {ghost.x + boxes.w, ghost.y + boxes.h}, IM_COL32(200, 200, 220, 50), 6 * boxes.zoom);
        if (const std::string target = boxes.under(mouse); !target.empty() && target != drag.node)
            outline(draw, boxes, boxes.at.at(target), kTarget);
    }

    if (drag.kind != Drag::None && !ImGui::IsMouseDown(ImGuiMouseButton_Left)) {  // let go: the drop
        std::string attempt;
        try {
            if (moved && drag.kind == Drag::Link) dropLink(state, boxes, pins, mouse, attempt);
            if (moved && drag.kind == Drag::Unlink) dropUnlink(state, boxes, pins, mouse, attempt);
            if (moved && drag.kind == Drag::Body) dropBody(state, boxes, mouse, attempt);
        } catch (const Error& e) {
            state.notify("cannot " + attempt + ": " + e.what(), true);
        }
        drag = {};
    }
}

}  // namespace tinct
