#pragma once
// ASC CDL as a point step. Files (.cc, .ccc, .cdl) are read by OpenColorIO, so Tinct accepts exactly
// what OCIO accepts; the maths runs in shaders/snippets/cdl.glsl.
#include <array>
#include <string>

#include "engine/graph/PointStep.h"
#include "engine/nodes/NodeTypes.h"

namespace tinct {

enum class CdlStyle { NoClamp, Asc };

struct CdlValues {
    std::array<double, 3> slope{1, 1, 1}, offset{0, 0, 0}, power{1, 1, 1};
    double saturation = 1;
    std::string id;  // the ColorCorrection id, when the file gave one
};

// Reads one correction from a .cc, .ccc or .cdl file; `id` picks an entry of a collection by id or
// index (first entry when empty). Throws tinct::Error naming the file and the problem.
CdlValues loadCdl(const std::string& path, const std::string& id = "");

CdlStyle parseCdlStyle(const std::string& name);  // "no-clamp" | "asc"

class CdlNode : public PointStep {
public:
    CdlNode(CdlValues values, CdlStyle style, std::string source = "");

    std::string describe() const override;
    std::string glsl(const StepSlot& slot) const override;
    std::vector<float> params() const override;
    std::vector<std::string> snippets() const override { return {"cdl.glsl"}; }

    const CdlValues& values() const { return values_; }
    CdlStyle style() const { return style_; }

private:
    CdlValues values_;
    CdlStyle style_;
    std::string source_;
};

}  // namespace tinct
