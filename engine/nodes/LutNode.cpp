// The LUT node: any file OpenColorIO reads, through the one GPU LUT path (engine/color/LutFile).
#include "engine/Error.h"
#include "engine/color/LutFile.h"
#include "engine/kernel/NodeFiles.h"
#include "engine/nodes/NodeTypes.h"

namespace tinct {

NodeType lutNodeType() {
    NodeType t;
    t.name = "lut";
    t.description = "a LUT file: .cube, .3dl, .clf, .spi3d and every other format OpenColorIO reads";
    t.params = {
        {"file", ParamType::File, 0, 0, {}, "file", {}, "the LUT, relative to the grade file"},
        {"interpolation", ParamType::Choice, 0, 0, {}, "menu", {"tetrahedral", "trilinear"}, "for 3D LUTs"},
    };
    t.makeStep = [](const NodeParams& p, const NodeContext& context) -> std::shared_ptr<const PointStep> {
        const std::string& file = p.text("file");
        if (file.empty()) throw Error("lut node: no file given");
        return loadLut(nodeFilePath(context, file), parseLutInterpolation(p.text("interpolation")));
    };
    return t;
}

}  // namespace tinct
