#pragma once
// Edits of a grade as engine-level commands with undo and redo, so the station's GUI only calls
// them. Each edit is checked first; a refused edit changes nothing.
#include <string>
#include <vector>

#include "engine/graph/Grade.h"

namespace tinct {

class GradeEditor {
public:
    explicit GradeEditor(Grade grade = {});
    // The current grade. Every edit replaces it: a reference or pointer into it (a node found in it,
    // a node's id) is not to be held across an edit; copy what is needed first.
    const Grade& grade() const { return current_; }

    // `continuing`: part of a gesture (a slider or wheel being dragged). Continuing edits of the same
    // parameter merge into one undo step until endGesture(), so one undo takes back the whole drag.
    void setParam(const std::string& nodeId, const std::string& name, const ParamValue& value, bool continuing = false);
    void endGesture() { gesture_.clear(); }
    // Several parameters of one node in one edit (a window handle moves centre x and y; the qualifier
    // picker sets its ranges); a continuing gesture merges by node and label.
    void setParams(const std::string& nodeId, const NodeParams& params, const std::string& label, bool continuing = false);
    // Adds a node of `type` after `afterId` (or after the output node): what took afterId's output
    // takes the new node's. Returns the new id.
    std::string addNode(const std::string& type, const std::string& afterId = "");
    // A node of `type` beside `nodeId`, on the same input, the two joined by a parallel mixer (or a
    // layer mixer, the new node the top layer) that takes nodeId's place. Beside a node that already
    // feeds a mixer of that kind, the new node becomes another input of that mixer. Returns the new id.
    std::string addParallel(const std::string& nodeId, const std::string& type = "primaries");
    std::string addLayer(const std::string& nodeId, const std::string& type = "primaries");
    // A qualifier (keying what `nodeId` sees) or window that limits `nodeId`; a matte it already had
    // is combined with the new one (intersect). Returns the new matte node's id.
    std::string addMatte(const std::string& nodeId, const std::string& type);
    // Removes a node: whatever took its output takes its (first) input instead, and whatever took
    // its matte takes the matte it combined with.
    void removeNode(const std::string& nodeId);
    // Reorders a chain: `nodeId` leaves its place (what took its output takes its input instead) and
    // goes right after `afterId`, or first when afterId is "source" (then before everything that read
    // the source): it takes afterId's output, and what took afterId's output takes the moved node's.
    // Its matte goes with it; a qualifier of its own that keyed its old input keys its new one. The
    // output stays at the end of the chain: moving the output node makes its input the output (unless
    // that is the source), and a node moved after the output becomes the output. Only a node with one
    // input moves this way: mixers (which join branches) and mattes are refused. A move that changes
    // nothing is no edit and no undo step.
    void moveNode(const std::string& nodeId, const std::string& afterId);
    // Input `index` of `nodeId` from `fromId` (a node id or "source"); index == the input count adds one.
    void connect(const std::string& nodeId, size_t index, const std::string& fromId);
    void disconnect(const std::string& nodeId, size_t index);
    // The matte limiting `nodeId`: a qualifier or window node's id, or "" for none.
    void setMatte(const std::string& nodeId, const std::string& matteId);
    void setOutput(const std::string& nodeId);
    void setBypass(const std::string& nodeId, bool bypass);
    // Every node bypassed, or every node enabled, as one edit.
    void setBypassAll(bool bypass);
    void setOpacity(const std::string& nodeId, double opacity);
    void setLabel(const std::string& nodeId, const std::string& label);
    // Replaces the whole grade as one edit (an import, a still's grade applied to the shot).
    void replaceGrade(Grade grade, const std::string& label);

    bool canUndo() const { return !undo_.empty(); }
    bool canRedo() const { return !redo_.empty(); }
    // What undo / redo would do, for menus: "set primaries.contrast", "add lut", ...
    std::string undoLabel() const { return canUndo() ? undo_.back().label : ""; }
    std::string redoLabel() const { return canRedo() ? redo_.back().label : ""; }
    void undo();
    void redo();

private:
    struct Snapshot {
        std::string label;
        Grade grade;
    };
    GradeNode& node(Grade& grade, const std::string& id) const;
    std::string addBeside(const std::string& nodeId, const std::string& type, const std::string& mixerType);
    void commit(Grade next, std::string label);
    void commitGesture(Grade next, const std::string& key, const std::string& label, bool continuing);
    void checkedSet(GradeNode& node, const std::string& name, const ParamValue& value) const;

    Grade current_;
    std::vector<Snapshot> undo_, redo_;
    std::string gesture_;  // "node.param" of the drag whose edits merge; empty: none
};

}  // namespace tinct
