#pragma once
// Viewer aids that colour the picture itself, for the station's viewer: false colour for exposure
// and the out-of-range / out-of-gamut warning. Point steps, fused after the display transform.
#include "engine/kernel/PointStep.h"

namespace tinct {

class FalseColourStep : public PointStep {
public:
    std::string describe() const override { return "false colour (exposure zones)"; }
    std::string glsl(const StepSlot& slot) const override;
    std::vector<std::string> snippets() const override { return {"false_colour.glsl"}; }
};

class RangeWarningStep : public PointStep {
public:
    std::string describe() const override { return "out-of-range / out-of-gamut warning"; }
    std::string glsl(const StepSlot& slot) const override;
    std::vector<std::string> snippets() const override { return {"range_warning.glsl"}; }
};

}  // namespace tinct
