#include "engine/graph/CdlInterchange.h"

#include <filesystem>

#include "engine/Error.h"
#include "engine/color/CdlFile.h"

namespace tinct {

std::string importCdl(GradeEditor& editor, const std::string& path, const std::string& id, const std::string& afterId) {
    const CdlValues v = loadCdl(path, id);
    GradeEditor trial = editor;  // all or nothing: one undo step for the whole import
    const std::string node = trial.addNode("cdl", afterId);
    trial.setParam(node, "slope", std::array<double, 4>{v.slope[0], v.slope[1], v.slope[2], 0});
    trial.setParam(node, "offset", std::array<double, 4>{v.offset[0], v.offset[1], v.offset[2], 0});
    trial.setParam(node, "power", std::array<double, 4>{v.power[0], v.power[1], v.power[2], 0});
    trial.setParam(node, "saturation", v.saturation);
    if (!v.id.empty()) trial.setLabel(node, v.id);
    editor.replaceGrade(trial.grade(), "import " + std::filesystem::path(path).filename().string());
    return node;
}

void exportCdl(const Grade& grade, const std::string& nodeId, const std::string& path) {
    const GradeNode* node = grade.find(nodeId);
    if (!node) throw Error("no node '" + nodeId + "' in the grade");
    if (node->type != "cdl") throw Error("node '" + nodeId + "' is a " + node->type + " node, not a cdl node");
    CdlValues v;
    const auto s = node->params.rgbm("slope"), o = node->params.rgbm("offset"), p = node->params.rgbm("power");
    for (int c = 0; c < 3; ++c) v.slope[c] = s[c], v.offset[c] = o[c], v.power[c] = p[c];
    v.saturation = node->params.number("saturation");
    v.id = node->label.empty() ? node->id : node->label;
    saveCdl(path, v);
}

}  // namespace tinct
