#pragma once
// Primaries: lift, gamma, gain, offset, contrast with pivot, exposure, brightness, saturation, in
// the log, lin and video styles of OpenColorIO's GradingPrimaryTransform (whose CPU renderer is
// the test oracle). Parameters live in the kernel's buffer: moving a wheel recompiles nothing.
#include "engine/kernel/NodeType.h"

namespace tinct {

class PrimariesStep : public PointStep {
public:
    explicit PrimariesStep(NodeParams params);
    std::string describe() const override { return "primaries (" + params_.text("style") + ")"; }
    std::string glsl(const StepSlot& slot) const override;
    std::vector<float> params() const override;
    std::vector<std::string> snippets() const override { return {"primaries.glsl"}; }

private:
    NodeParams params_;
};

}  // namespace tinct
