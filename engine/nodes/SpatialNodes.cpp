// Blur and sharpen: spatial nodes, separable Gaussian passes (shaders/spatial_blur.comp) between the
// fused runs of point nodes.
#include "engine/nodes/NodeTypes.h"
#include "engine/nodes/SpatialSteps.h"

namespace tinct {

NodeType blurNodeType() {
    NodeType t;
    t.name = "blur";
    t.description = "Gaussian blur (separable; borders repeat the edge pixels)";
    t.kind = NodeKind::Spatial;
    t.params = {{"sigma", ParamType::Number, 0.1, 50, {2}, "slider", {}, "in pixels; the kernel reaches 3 sigma"}};
    t.makeStep = [](const NodeParams& p, const NodeContext&) -> std::shared_ptr<const PointStep> {
        return gaussianStep("blur (sigma " + std::to_string(p.number("sigma")) + ")", p.number("sigma"));
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
        return gaussianStep("sharpen (sigma " + std::to_string(p.number("sigma")) + ")", p.number("sigma"), p.number("amount"));
    };
    return t;
}

}  // namespace tinct
