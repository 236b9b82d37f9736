#include "engine/graph/GradeEditor.h"

#include <algorithm>

#include "engine/Error.h"
#include "engine/kernel/NodeRegistry.h"

namespace tinct {

GradeEditor::GradeEditor(Grade grade) : current_(std::move(grade)) {}

GradeNode& GradeEditor::node(Grade& grade, const std::string& id) const {
    GradeNode* n = grade.find(id);
    if (!n) throw Error("no node '" + id + "' in the grade");
    return *n;
}

void GradeEditor::commit(Grade next, std::string label) {
    next.validate();  // refuses an edit that would break the graph
    gesture_.clear();
    undo_.push_back({std::move(label), std::move(current_)});
    redo_.clear();
    current_ = std::move(next);
}

void GradeEditor::checkedSet(GradeNode& n, const std::string& name, const ParamValue& value) const {
    const NodeType* type = findNodeType(n.type);
    const auto decl = std::find_if(type->params.begin(), type->params.end(), [&](const ParamDecl& d) { return d.name == name; });
    if (decl == type->params.end()) throw Error("node '" + n.id + "' (" + n.type + ") has no parameter '" + name + "'");
    // The same checks as a grade file: type, components, range, choices.
    n.params.set(name, paramFromJson(*decl, paramToJson(*decl, value), "node '" + n.id + "': " + name));
}

void GradeEditor::commitGesture(Grade next, const std::string& key, const std::string& label, bool continuing) {
    if (continuing && key == gesture_ && !undo_.empty()) {  // the same drag: the undo step it began covers it
        next.validate();
        redo_.clear();
        current_ = std::move(next);
        return;
    }
    commit(std::move(next), label);
    gesture_ = continuing ? key : "";
}

void GradeEditor::setParam(const std::string& nodeId, const std::string& name, const ParamValue& value, bool continuing) {
    Grade next = current_;
    GradeNode& n = node(next, nodeId);
    checkedSet(n, name, value);
    commitGesture(std::move(next), nodeId + "." + name, "set " + n.type + "." + name, continuing);
}

void GradeEditor::setParams(const std::string& nodeId, const NodeParams& params, const std::string& label, bool continuing) {
    Grade next = current_;
    GradeNode& n = node(next, nodeId);
    bool changed = false;
    for (const auto& [name, value] : params.values())
        if (!(n.params.get(name) == value)) checkedSet(n, name, value), changed = true;
    if (!changed) return;  // a drag that has not moved yet is no edit to undo
    commitGesture(std::move(next), nodeId + ":" + label, label, continuing);
}

namespace {

bool isOutput(const Grade& g, const std::string& id) {
    return g.output == id || (g.output.empty() && !g.nodes.empty() && g.nodes.back().id == id);
}

// Everything that takes `from`'s output takes `to`'s instead (the output too), except `except`.
void rewire(Grade& g, const std::string& from, const std::string& to, const std::string& except) {
    const bool wasOutput = isOutput(g, from);
    for (auto& n : g.nodes)
        if (n.id != except)
            for (auto& input : n.inputs)
                if (input == from) input = to;
    if (wasOutput) g.output = to == kSourceInput ? "" : to;
}

}  // namespace

std::string GradeEditor::addNode(const std::string& type, const std::string& afterId) {
    Grade next = current_;
    const std::string id = next.freshId();
    GradeNode added = makeNode(type, id);
    const NodeType* t = findNodeType(type);
    if (t->kind == NodeKind::Matte || t->kind == NodeKind::Mixer)
        throw Error("a " + type + " node is added with addMatte, addParallel or addLayer, not into the chain");
    const GradeNode* out = current_.outputNode();
    const std::string after = !afterId.empty() ? afterId : out ? out->id : "";
    if (!after.empty() && !next.find(after)) throw Error("no node '" + after + "' in the grade");
    const std::string from = after.empty() ? std::string(kSourceInput) : after;
    added.inputs = {from};
    if (after.empty()) {
        for (auto& n : next.nodes)  // a node added at the very start goes before everything that read the source
            for (auto& input : n.inputs)
                if (input == kSourceInput) input = id;
        if (next.nodes.empty()) next.output = id;
    } else {
        rewire(next, after, id, id);
    }
    next.nodes.push_back(std::move(added));
    if (next.output.empty()) next.output = next.nodes.size() == 1 ? id : current_.outputNode()->id;
    commit(std::move(next), "add " + type);
    return id;
}

std::string GradeEditor::addBeside(const std::string& nodeId, const std::string& type, const std::string& mixerType) {
    Grade next = current_;
    const GradeNode& beside = node(next, nodeId);
    if (beside.inputs.size() != 1) throw Error("node '" + nodeId + "' has " + std::to_string(beside.inputs.size()) +
                                               " inputs; a branch goes beside a node with one");
    const std::string id = next.freshId(), output = current_.outputNode()->id;
    GradeNode added = makeNode(type, id);
    added.inputs = beside.inputs;
    // Already feeding a mixer of this kind: another input of it.
    for (auto& n : next.nodes)
        if (n.type == mixerType && std::find(n.inputs.begin(), n.inputs.end(), nodeId) != n.inputs.end()) {
            if (n.inputs.size() >= findNodeType(mixerType)->maxInputs)
                throw Error("mixer '" + n.id + "' has as many inputs as it takes");
            n.inputs.push_back(id);
            // A copy: the push_back below may move every node, and `n` with them.
            const std::string mixerId = n.id;
            next.nodes.push_back(std::move(added));
            next.output = output;
            commit(std::move(next), "add " + type + " to " + mixerId);
            return id;
        }
    GradeNode mixer = makeNode(mixerType, "");
    next.nodes.push_back(std::move(added));
    mixer.id = next.freshId();
    mixer.inputs = {nodeId, id};
    rewire(next, nodeId, mixer.id, "");
    next.output = output == nodeId ? mixer.id : output;
    next.nodes.push_back(std::move(mixer));
    commit(std::move(next), "add " + type + " beside " + nodeId);
    return id;
}

std::string GradeEditor::addParallel(const std::string& nodeId, const std::string& type) {
    return addBeside(nodeId, type, "parallel_mixer");
}

std::string GradeEditor::addLayer(const std::string& nodeId, const std::string& type) {
    return addBeside(nodeId, type, "layer_mixer");
}

std::string GradeEditor::addMatte(const std::string& nodeId, const std::string& type) {
    Grade next = current_;
    GradeNode& limited = node(next, nodeId);
    const NodeType* t = findNodeType(type);
    if (!t || t->kind != NodeKind::Matte) throw Error("'" + type + "' is not a matte node type (qualifier, window)");
    const std::string id = next.freshId();
    GradeNode added = makeNode(type, id);
    if (t->minInputs > 0) added.inputs = {limited.inputs.empty() ? std::string(kSourceInput) : limited.inputs.front()};
    added.matte = limited.matte;  // combined with the matte the node had (intersect, the default)
    limited.matte = id;
    const std::string output = next.outputNode()->id;
    next.nodes.push_back(std::move(added));
    next.output = output;  // the matte node is not the grade's result
    commit(std::move(next), "add " + type + " to " + nodeId);
    return id;
}

void GradeEditor::removeNode(const std::string& nodeId) {
    Grade next = current_;
    const GradeNode removed = node(next, nodeId);
    const std::string input = removed.inputs.empty() ? std::string(kSourceInput) : removed.inputs.front();
    const std::string output = current_.outputNode()->id;
    rewire(next, nodeId, input, nodeId);
    for (auto& n : next.nodes)
        if (n.matte == nodeId) n.matte = removed.matte;
    std::erase_if(next.nodes, [&](const GradeNode& n) { return n.id == nodeId; });
    next.output = output != nodeId ? output : input != kSourceInput ? input : "";
    commit(std::move(next), "remove " + removed.type);
}

namespace {

// The matte nodes limiting `id` (its matte, that one's, ...) that limit nothing else: they belong to it.
std::vector<std::string> ownMattes(const Grade& g, const std::string& id) {
    std::vector<std::string> chain;
    for (const GradeNode* n = g.find(id); n && !n->matte.empty(); n = g.find(n->matte)) {
        if (std::find(chain.begin(), chain.end(), n->matte) != chain.end()) break;  // a cycle, refused later
        chain.push_back(n->matte);
    }
    const std::vector<std::string> all = chain;  // the predicate reads the whole chain while erasing
    std::erase_if(chain, [&](const std::string& matte) {
        return std::any_of(g.nodes.begin(), g.nodes.end(), [&](const GradeNode& n) {
            return n.matte == matte && n.id != id && std::find(all.begin(), all.end(), n.id) == all.end();
        });
    });
    return chain;
}

}  // namespace

void GradeEditor::moveNode(const std::string& nodeId, const std::string& afterId) {
    Grade next = current_;
    const GradeNode& moved = node(next, nodeId);
    const NodeType* type = findNodeType(moved.type);
    if (type->kind == NodeKind::Matte)
        throw Error("node '" + nodeId + "' (" + moved.type + ") makes a matte and is not part of a chain; make it a node's matte instead");
    if (type->maxInputs != 1 || moved.inputs.size() != 1)
        throw Error("node '" + nodeId + "' (" + moved.type + ") joins " + std::to_string(moved.inputs.size()) +
                    " inputs; only a node with one input moves along a chain (move the nodes of its branches instead)");
    if (afterId == nodeId) throw Error("node '" + nodeId + "' cannot go after itself");
    if (afterId != kSourceInput) {
        const GradeNode& after = node(next, afterId);
        if (findNodeType(after.type)->kind == NodeKind::Matte)
            throw Error("node '" + afterId + "' (" + after.type + ") makes a matte, not a picture; a node goes after a node of the chain");
    }
    const std::string oldInput = moved.inputs.front();
    const std::vector<std::string> mattes = ownMattes(next, nodeId);
    auto isOwnMatte = [&](const std::string& id) { return std::find(mattes.begin(), mattes.end(), id) != mattes.end(); };

    // The output stays at the end of the chain (see the header).
    std::string output = current_.outputNode()->id;
    if (output == nodeId && oldInput != kSourceInput) output = oldInput;
    if (output == afterId) output = nodeId;

    // Out of its place: its users (a qualifier keying its output included) take its input.
    for (auto& n : next.nodes)
        if (n.id != nodeId)
            for (auto& input : n.inputs)
                if (input == nodeId) input = oldInput;
    // Into the new one: afterId's users take the moved node, which takes afterId. Its own qualifiers
    // key what it now sees rather than being rewired to its output.
    for (auto& n : next.nodes)
        if (n.id != nodeId && !isOwnMatte(n.id))
            for (auto& input : n.inputs)
                if (input == afterId) input = nodeId;
    for (auto& n : next.nodes) {
        if (n.id == nodeId) n.inputs = {afterId};
        if (isOwnMatte(n.id) && n.inputs.size() == 1 && n.inputs.front() == oldInput) n.inputs = {afterId};
    }
    if (output != current_.outputNode()->id) next.output = output;  // else as it was, "" included
    if (next == current_) return;  // dropped where it already was
    commit(std::move(next), afterId == kSourceInput ? "move " + nodeId + " to the start" : "move " + nodeId + " after " + afterId);
}

void GradeEditor::connect(const std::string& nodeId, size_t index, const std::string& fromId) {
    Grade next = current_;
    GradeNode& n = node(next, nodeId);
    if (fromId != kSourceInput) node(next, fromId);
    if (index > n.inputs.size()) throw Error("node '" + nodeId + "' has " + std::to_string(n.inputs.size()) + " inputs");
    if (index == n.inputs.size())
        n.inputs.push_back(fromId);
    else
        n.inputs[index] = fromId;
    commit(std::move(next), "connect " + fromId + " to " + nodeId);
}

void GradeEditor::disconnect(const std::string& nodeId, size_t index) {
    Grade next = current_;
    GradeNode& n = node(next, nodeId);
    if (index >= n.inputs.size()) throw Error("node '" + nodeId + "' has " + std::to_string(n.inputs.size()) + " inputs");
    n.inputs.erase(n.inputs.begin() + long(index));
    commit(std::move(next), "disconnect input " + std::to_string(index + 1) + " of " + nodeId);
}

void GradeEditor::setMatte(const std::string& nodeId, const std::string& matteId) {
    Grade next = current_;
    node(next, nodeId).matte = matteId;
    commit(std::move(next), matteId.empty() ? "remove the matte of " + nodeId : "limit " + nodeId + " by " + matteId);
}

void GradeEditor::setOutput(const std::string& nodeId) {
    Grade next = current_;
    node(next, nodeId);
    next.output = nodeId;
    commit(std::move(next), "output from " + nodeId);
}

void GradeEditor::setBypass(const std::string& nodeId, bool bypass) {
    Grade next = current_;
    node(next, nodeId).bypass = bypass;
    commit(std::move(next), bypass ? "bypass " + nodeId : "enable " + nodeId);
}

void GradeEditor::setBypassAll(bool bypass) {
    Grade next = current_;
    for (auto& n : next.nodes) n.bypass = bypass;
    commit(std::move(next), bypass ? "bypass all" : "enable all");
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
    gesture_.clear();
    if (undo_.empty()) return;
    redo_.push_back({undo_.back().label, std::move(current_)});
    current_ = std::move(undo_.back().grade);
    undo_.pop_back();
}

void GradeEditor::redo() {
    gesture_.clear();
    if (redo_.empty()) return;
    undo_.push_back({redo_.back().label, std::move(current_)});
    current_ = std::move(redo_.back().grade);
    redo_.pop_back();
}

}  // namespace tinct
