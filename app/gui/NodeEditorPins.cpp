#include "app/gui/NodeEditorPins.h"

#include "engine/nodes/NodeTypes.h"

namespace tinct {

bool NodeBoxes::contains(const std::string& id, ImVec2 p) const {
    const auto it = at.find(id);
    return it != at.end() && p.x >= it->second.x && p.x < it->second.x + w && p.y >= it->second.y && p.y < it->second.y + h;
}

std::string NodeBoxes::under(ImVec2 p) const {
    for (const auto& [id, corner] : at)
        if (contains(id, p)) return id;
    return "";
}

size_t inputSlots(const GradeNode& node) {
    const NodeType* type = findNodeType(node.type);
    const bool spare = type && type->maxInputs > 1 && node.inputs.size() < type->maxInputs;
    return node.inputs.size() + (spare ? 1 : 0);
}

ImVec2 inputPinAt(const NodeBoxes& boxes, const std::string& id, size_t slot, size_t slots) {
    const ImVec2 p = boxes.at.at(id);
    return {p.x, p.y + boxes.h * float(slot + 1) / float(slots + 1)};
}

std::vector<NodePin> nodePins(const Grade& grade, const NodeBoxes& boxes) {
    std::vector<NodePin> pins;
    auto outputOf = [&](const std::string& id) {
        const ImVec2 p = boxes.at.at(id);
        pins.push_back({id, PinKind::Output, 0, {p.x + boxes.w, p.y + boxes.h / 2}, true});
    };
    outputOf(kSourceInput);
    for (const auto& node : grade.nodes) {
        outputOf(node.id);
        const size_t slots = inputSlots(node);
        for (size_t k = 0; k < slots; ++k)
            pins.push_back({node.id, PinKind::Input, k, inputPinAt(boxes, node.id, k, slots), k < node.inputs.size()});
        const ImVec2 p = boxes.at.at(node.id);
        pins.push_back({node.id, PinKind::Matte, 0, {p.x + boxes.w / 2, p.y + boxes.h}, !node.matte.empty()});
    }
    pins.push_back({kOutputBox, PinKind::Input, 0, inputPinAt(boxes, kOutputBox, 0, 1), true});
    return pins;
}

std::string pinName(const NodePin& pin) {
    const std::string node = pin.node == kOutputBox ? std::string("output") : pin.node;
    switch (pin.kind) {
        case PinKind::Output: return node + ":output";
        case PinKind::Input: return node + ":input " + std::to_string(pin.slot + 1);
        case PinKind::Matte: return node + ":matte";
    }
    return node;
}

}  // namespace tinct
