// Blur and sharpen: spatial nodes, run by engine/graph/FrameProgram as separable Gaussian passes
// (shaders/spatial_blur.comp) between the fused runs of point nodes.
#include "engine/nodes/NodeTypes.h"
#include "engine/nodes/SpatialStep.h"

namespace tinct {

namespace {

class SpatialStep : public PointStep {
public:
    SpatialStep(std::string what, SpatialOp op) : what_(std::move(what)), op_(op) {}
    std::string describe() const override { return what_; }
    std::string glsl(const StepSlot&) const override { return ""; }
    const SpatialOp* spatial() const override { return &op_; }

private:
    std::string what_;
    SpatialOp op_;
};

}  // namespace

std::shared_ptr<const PointStep> spatialStep(std::string what, SpatialOp op) {
    return std::make_shared<SpatialStep>(std::move(what), op);
}

NodeType blurNodeType() {
    NodeType t;
    t.name = "blur";
    t.description = "Gaussian blur (separable; borders repeat the edge pixels)";
    t.kind = NodeKind::Spatial;
    t.params = {{"sigma", ParamType::Number, 0.1, 50, {2}, "slider", {}, "in pixels; the kernel reaches 3 sigma"}};
    t.makeStep = [](const NodeParams& p, const NodeContext&) -> std::shared_ptr<const PointStep> {
        SpatialOp op;
        op.sigma = float(p.number("sigma"));
        return spatialStep("blur (sigma " + std::to_string(p.number("sigma")) + ")", op);
    };
    return t;
}

NodeType sharpenNodeType() {
    NodeType t;
    t.name = "sharpen";
    t.description = "unsharp mask: the frame plus amount x (frame - its Gaussian blur)";
    t.kind = NodeKind::Spatial;
    t.params = {{"sigma", ParamType::Number, 0.1, 50, {1}, "slider", {}, "radius of the detail sharpened, in pixels"},
                {"amount", ParamType::Number, 0, 10, {0.5}, "slider", {}, "0 leaves the frame as it is"}};
    t.makeStep = [](const NodeParams& p, const NodeContext&) -> std::shared_ptr<const PointStep> {
        SpatialOp op;
        op.sigma = float(p.number("sigma"));
        op.amount = float(p.number("amount"));
        return spatialStep("sharpen (sigma " + std::to_string(p.number("sigma")) + ")", op);
    };
    return t;
}

}  // namespace tinct
