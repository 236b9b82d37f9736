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
    const Grade& grade() const { return current_; }

    void setParam(const std::string& nodeId, const std::string& name, const ParamValue& value);
    // Adds a node of `type` to the chain after `afterId` (or at its end); returns the new id.
    std::string addNode(const std::string& type, const std::string& afterId = "");
    // Removes a node; whatever took its output takes its input instead.
    void removeNode(const std::string& nodeId);
    void setBypass(const std::string& nodeId, bool bypass);
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
    void commit(Grade next, std::string label);

    Grade current_;
    std::vector<Snapshot> undo_, redo_;
};

}  // namespace tinct
