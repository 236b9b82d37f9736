#include "engine/graph/RepairOverlay.h"

#include <algorithm>

#include "engine/kernel/NodeRegistry.h"

namespace tinct {

namespace {

bool showsRepairs(const GradeNode& node) {
    const NodeType* type = findNodeType(node.type);
    if (!type || node.bypass) return false;
    return std::any_of(type->params.begin(), type->params.end(), [](const ParamDecl& p) {
        return p.name == "view" && std::find(p.choices.begin(), p.choices.end(), "overlay") != p.choices.end();
    });
}

}  // namespace

Grade withRepairOverlay(Grade grade, const std::string& only, int* shown) {
    const bool single = std::any_of(grade.nodes.begin(), grade.nodes.end(),
                                    [&](const GradeNode& n) { return n.id == only && showsRepairs(n); });
    int count = 0;
    for (GradeNode& node : grade.nodes) {
        if (!showsRepairs(node) || (single && node.id != only)) continue;
        // A node showing its matte already shows what it repaired.
        if (node.params.text("view") == "repaired") node.params.set("view", std::string("overlay"));
        ++count;
    }
    if (shown) *shown = count;
    return grade;
}

}  // namespace tinct
