#pragma once
// The node editor's left-button gestures, on the pins and boxes NodeEditor laid out this frame:
//   output pin -> input pin        connect (a mixer's spare slot adds an input)
//   output pin -> matte pin        that qualifier or window limits the node
//   output pin -> the output box   the grade's output
//   input or matte pin -> empty canvas   disconnect a mixer's input, or remove the matte
//   node body -> another node      move it there in the chain (after that node); onto the source:
//                                  first; onto the output box: last
//   press on a body                select it
// While a drag is on, the link or a ghost of the box follows the mouse and what it would land on is
// highlighted. A refused edit says why on the status line; nothing throws out of the panel.
#include <vector>

#include "app/gui/NodeEditorPins.h"
#include "app/gui/StationState.h"

namespace tinct {

// `pressed`: the left button went down on the canvas this frame; `hovered`: the mouse is over it.
// Draws the pins too, so that the one under the mouse, or a drag's target, can be highlighted. Call
// after the boxes are drawn.
void nodeEditorGestures(StationState& state, const NodeBoxes& boxes, const std::vector<NodePin>& pins, ImDrawList* draw,
                        bool pressed, bool hovered);

}  // namespace tinct
