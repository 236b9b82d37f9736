#include "engine/nodes/CdlInterchange.h"

#include <OpenColorIO/OpenColorIO.h>

#include <filesystem>
#include <sstream>

#include "engine/Error.h"
#include "engine/io/AtomicOutput.h"
#include "engine/nodes/CdlNode.h"

namespace OCIO = OCIO_NAMESPACE;

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
    const std::string extension = std::filesystem::path(path).extension().string();
    const char* format = extension == ".cc" ? "ColorCorrection" : extension == ".ccc" ? "ColorCorrectionCollection"
                       : extension == ".cdl" ? "ColorDecisionList" : nullptr;
    if (!format) throw Error(path + ": an ASC CDL file is .cc, .ccc or .cdl");
    auto cdl = OCIO::CDLTransform::Create();
    const auto s = node->params.rgbm("slope"), o = node->params.rgbm("offset"), p = node->params.rgbm("power");
    cdl->setSlope(s.data());
    cdl->setOffset(o.data());
    cdl->setPower(p.data());
    cdl->setSat(node->params.number("saturation"));
    cdl->setID((node->label.empty() ? node->id : node->label).c_str());
    auto group = OCIO::GroupTransform::Create();
    group->appendTransform(cdl);
    std::ostringstream xml;
    group->write(OCIO::Config::CreateRaw(), format, xml);
    writeTextAtomically(path, xml.str());
}

}  // namespace tinct
