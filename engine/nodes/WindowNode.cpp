// Windows (power windows): mattes from where the pixel is: ellipse, rectangle, linear gradient or
// polygon with inner and outer softness (shaders/snippets/window.glsl).
#include <cmath>
#include <numbers>

#include "engine/Error.h"
#include "engine/nodes/NodeTypes.h"
#include "engine/nodes/SimplePointNodes.h"

namespace tinct {

namespace {

constexpr size_t kMaxPoints = 16;  // TINCT_WINDOW_MAX_POINTS
const std::vector<std::string> kShapes = {"ellipse", "rectangle", "gradient", "polygon"};

class WindowStep : public PointStep {
public:
    WindowStep(std::string what, std::vector<float> packed) : what_(std::move(what)), packed_(std::move(packed)) {}
    std::string describe() const override { return what_; }
    uint32_t arity() const override { return 0; }
    bool positional() const override { return true; }
    std::vector<std::string> snippets() const override { return {"window.glsl"}; }
    std::vector<float> params() const override { return packed_; }
    std::string glsl(const StepSlot& slot) const override {
        const auto at = [&](uint32_t k) { return "params[" + std::to_string(slot.paramOffset + k) + "]"; };
        return "vec4 " + slot.functionName + "() { return tinct_window(" + at(0) + ", " + at(1) + ", " + at(2) + ", " +
               std::to_string(slot.paramOffset + 3) + "u); }\n";
    }

private:
    std::string what_;
    std::vector<float> packed_;
};

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
    t.makeStep = [](const NodeParams& p, const NodeContext&) -> std::shared_ptr<const PointStep> {
        const CurvePoints& points = p.points("points");
        if (points.size() > kMaxPoints)
            throw Error("points: " + std::to_string(points.size()) + " vertices; a polygon window takes at most " +
                        std::to_string(kMaxPoints));
        const double shape = double(std::find(kShapes.begin(), kShapes.end(), p.text("shape")) - kShapes.begin());
        std::vector<float> packed =
            vec4s({{shape, p.number("center_x"), p.number("center_y"), p.number("size")},
                   {p.number("aspect"), p.number("rotation") * std::numbers::pi / 180.0, p.number("inner_soft"), p.number("outer_soft")},
                   {double(points.size()), 0, 0, 0}});
        for (size_t i = 0; i < kMaxPoints; ++i) {
            const auto& v = points[std::min(i, points.size() - 1)];
            packed.insert(packed.end(), {float(v[0]), float(v[1]), 0.0f, 0.0f});
        }
        return std::make_shared<WindowStep>(p.text("shape") + " window", std::move(packed));
    };
    return t;
}

}  // namespace tinct
