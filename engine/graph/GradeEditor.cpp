#include "engine/graph/GradeEditor.h"

#include <algorithm>

#include "engine/Error.h"
#include "engine/nodes/NodeTypes.h"

namespace tinct {

GradeEditor::GradeEditor(Grade grade) : current_(std::move(grade)) {}

GradeNode& GradeEditor::node(Grade& grade, const std::string& id) const {
    GradeNode* n = grade.find(id);
    if (!n) throw Error("no node '" + id + "' in the grade");
    return *n;
}

void GradeEditor::commit(Grade next, std::string label) {
    next.chain();  // refuses an edit that would break the graph
    undo_.push_back({std::move(label), std::move(current_)});
    redo_.clear();
    current_ = std::move(next);
}

void GradeEditor::setParam(const std::string& nodeId, const std::string& name, const ParamValue& value) {
    Grade next = current_;
    GradeNode& n = node(next, nodeId);
    const NodeType* type = findNodeType(n.type);
    const auto decl = std::find_if(type->params.begin(), type->params.end(), [&](const ParamDecl& d) { return d.name == name; });
    if (decl == type->params.end()) throw Error("node '" + nodeId + "' (" + n.type + ") has no parameter '" + name + "'");
    // The same checks as a grade file: type, components, range, choices.
    n.params.set(name, paramFromJson(*decl, paramToJson(*decl, value), "node '" + nodeId + "': " + name));
    commit(std::move(next), "set " + n.type + "." + name);
}

std::string GradeEditor::addNode(const std::string& type, const std::string& afterId) {
    Grade next = current_;
    const std::string id = next.freshId();
    GradeNode added = makeNode(type, id);
    const auto chain = current_.chain();
    const std::string after = !afterId.empty() ? afterId : chain.empty() ? "" : chain.back()->id;
    if (!after.empty() && !next.find(after)) throw Error("no node '" + after + "' in the grade");
    added.inputs = {after.empty() ? std::string(kSourceInput) : after};
    for (auto& n : next.nodes)  // what took `after`'s output takes the new node's
        for (auto& input : n.inputs)
            if (!after.empty() && input == after) input = id;
    if (!after.empty() && (next.output == after || (next.output.empty() && next.nodes.back().id == after))) next.output = id;
    if (after.empty()) next.output = id;
    next.nodes.push_back(std::move(added));
    commit(std::move(next), "add " + type);
    return id;
}

void GradeEditor::removeNode(const std::string& nodeId) {
    Grade next = current_;
    const GradeNode removed = node(next, nodeId);
    if (removed.inputs.size() != 1) throw Error("node '" + nodeId + "' has several inputs; remove its branches first");
    for (auto& n : next.nodes)
        for (auto& input : n.inputs)
            if (input == nodeId) input = removed.inputs.front();
    const bool wasOutput = next.output == nodeId || (next.output.empty() && next.nodes.back().id == nodeId);
    next.nodes.erase(std::remove_if(next.nodes.begin(), next.nodes.end(), [&](const GradeNode& n) { return n.id == nodeId; }),
                     next.nodes.end());
    if (wasOutput) next.output = removed.inputs.front() == kSourceInput ? "" : removed.inputs.front();
    if (next.nodes.empty()) next.output.clear();
    commit(std::move(next), "remove " + removed.type);
}

void GradeEditor::setBypass(const std::string& nodeId, bool bypass) {
    Grade next = current_;
    node(next, nodeId).bypass = bypass;
    commit(std::move(next), bypass ? "bypass " + nodeId : "enable " + nodeId);
}

void GradeEditor::setOpacity(const std::string& nodeId, double opacity) {
    if (!(opacity >= 0 && opacity <= 1)) throw Error("opacity must be within 0 .. 1");
    Grade next = current_;
    node(next, nodeId).opacity = opacity;
    commit(std::move(next), "set opacity of " + nodeId);
}

void GradeEditor::setLabel(const std::string& nodeId, const std::string& label) {
    Grade next = current_;
    node(next, nodeId).label = label;
    commit(std::move(next), "rename " + nodeId);
}

void GradeEditor::replaceGrade(Grade grade, const std::string& label) { commit(std::move(grade), label); }

void GradeEditor::undo() {
    if (undo_.empty()) return;
    redo_.push_back({undo_.back().label, std::move(current_)});
    current_ = std::move(undo_.back().grade);
    undo_.pop_back();
}

void GradeEditor::redo() {
    if (redo_.empty()) return;
    undo_.push_back({redo_.back().label, std::move(current_)});
    current_ = std::move(redo_.back().grade);
    redo_.pop_back();
}

}  // namespace tinct
