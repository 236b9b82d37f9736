#pragma once
// ASC CDL as a point step (files through color/CdlFile); the maths runs in shaders/snippets/cdl.glsl.
#include <string>

#include "engine/color/CdlFile.h"
#include "engine/kernel/PointStep.h"
#include "engine/nodes/NodeTypes.h"

namespace tinct {

enum class CdlStyle { NoClamp, Asc };

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
