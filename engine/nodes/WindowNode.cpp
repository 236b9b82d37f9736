// Windows (power windows): mattes from where the pixel is: ellipse, rectangle, linear gradient or
// polygon with inner and outer softness (shaders/snippets/window.glsl).
#include "engine/Error.h"
#include "engine/nodes/NodeTypes.h"
#include "engine/nodes/SimplePointNodes.h"

namespace tinct {

namespace {

constexpr size_t kMaxPoints = 16;  // TINCT_WINDOW_MAX_POINTS
const std::vector<std::string> kShapes = {"ellipse", "rectangle", "gradient", "polygon"};

}  // namespace

NodeType windowNodeType() {
    NodeType t;
    t.name = "window";
    t.description = "a matte from a shape on the frame: ellipse, rectangle, linear gradient or polygon";
    t.kind = NodeKind::Matte;
    t.minInputs = t.maxInputs = 0;
    t.params = {
        {"shape", ParamType::Choice, 0, 0, {}, "menu", kShapes, "gradient: 1 above the line through the centre, 0 below"},
        {"center_x", ParamType::Number, -1, 2, {0.5}, "slider", {}, "fraction of the frame's width from the left"},
        {"center_y", ParamType::Number, -1, 2, {0.5}, "slider", {}, "fraction of the frame's height from the top"},
        {"size", ParamType::Number, 0, 4, {0.5}, "slider", {}, "height of the shape, as a fraction of the frame's"},
        {"aspect", ParamType::Number, 0.05, 20, {1}, "slider", {}, "width / height of the shape"},
        {"rotation", ParamType::Number, -360, 360, {0}, "slider", {}, "degrees, clockwise as seen"},
        {"inner_soft", ParamType::Number, 0, 2, {0}, "slider", {}, "softness inside the edge, in frame heights"},
        {"outer_soft", ParamType::Number, 0, 2, {0.05}, "slider", {}, "softness outside the edge, in frame heights"},
        {"points", ParamType::Polygon, -1, 2, {0.25, 0.75, 0.25, 0.75}, "polygon", {},
         "polygon: vertices as fractions of the frame, at most 16 (centre, size and rotation do not move them)"},
    };
    const auto finish = matteFinishParams();
    t.params.insert(t.params.end(), finish.begin(), finish.end());
    t.makeStep = [decls = t.params](const NodeParams& p, const NodeContext&) -> std::shared_ptr<const PointStep> {
        const CurvePoints& points = p.points("points");
        if (points.size() > kMaxPoints)
            throw Error("points: " + std::to_string(points.size()) + " vertices; a polygon window takes at most " +
                        std::to_string(kMaxPoints));
        return std::make_shared<DeclaredStep>(p.text("shape") + " window", "window.glsl", "tinct_window", decls,
                                              std::vector<std::string>{"shape", "center_x", "center_y", "size", "aspect",
                                                                       "rotation", "inner_soft", "outer_soft", "points"},
                                              p, 0);
    };
    return t;
}

}  // namespace tinct
