// Hue and saturation curves: hue vs hue, hue vs saturation, hue vs luminance, luminance vs
// saturation, saturation vs saturation (shaders/snippets/hue_curves.glsl says how each acts).
// Control points travel in the kernel's parameter buffer: editing a curve compiles nothing.
#include "engine/Error.h"
#include "engine/nodes/NodeTypes.h"
#include "engine/nodes/SimplePointNodes.h"

namespace tinct {

namespace {

constexpr size_t kMaxPoints = 16;
const char* const kCurves[] = {"hue_vs_hue", "hue_vs_sat", "hue_vs_lum", "lum_vs_sat", "sat_vs_sat"};

class HueCurvesStep : public PointStep {
public:
    explicit HueCurvesStep(std::vector<float> packed) : packed_(std::move(packed)) {}
    std::string describe() const override { return "hue curves"; }
    std::string glsl(const StepSlot& slot) const override {
        return "vec4 " + slot.functionName + "(vec4 c) { return tinct_hue_curves(c, " + std::to_string(slot.paramOffset) + "); }\n";
    }
    std::vector<std::string> snippets() const override { return {"hue_curves.glsl"}; }
    std::vector<float> params() const override { return packed_; }

private:
    std::vector<float> packed_;
};

}  // namespace

NodeType hueCurvesNodeType() {
    NodeType t;
    t.name = "hue_curves";
    t.description = "hue vs hue / saturation / luminance, luminance vs saturation, saturation vs saturation";
    t.params = {
        {"hue_vs_hue", ParamType::Points, -1, 1, {0, 1, 0, 0}, "curve", {}, "x hue (0..1, wraps), y rotation in turns"},
        {"hue_vs_sat", ParamType::Points, 0, 4, {0, 1, 1, 1}, "curve", {}, "x hue, y saturation gain (1: none)"},
        {"hue_vs_lum", ParamType::Points, -1, 1, {0, 1, 0, 0}, "curve", {}, "x hue, y luma change as a fraction of luma"},
        {"lum_vs_sat", ParamType::Points, 0, 100, {0, 1, 1, 1}, "curve", {}, "x luma, y saturation gain"},
        {"sat_vs_sat", ParamType::Points, 0, 100, {0, 1, 1, 1}, "curve", {}, "x saturation (chroma / luma), y gain"},
    };
    t.makeStep = [](const NodeParams& p, const NodeContext&) -> std::shared_ptr<const PointStep> {
        // Layout of hue_curves.glsl: counts, five curves of 16 points, the fifth count.
        std::vector<float> packed(4 + 5 * kMaxPoints * 2 + 4, 0.0f);
        for (int c = 0; c < 5; ++c) {
            const CurvePoints& points = p.points(kCurves[c]);
            if (points.size() > kMaxPoints)
                throw Error(std::string("hue_curves: ") + kCurves[c] + " has " + std::to_string(points.size()) +
                            " points; at most 16");
            (c < 4 ? packed[c] : packed[4 + 5 * kMaxPoints * 2]) = float(points.size());
            for (size_t i = 0; i < points.size(); ++i) {
                packed[4 + c * kMaxPoints * 2 + i * 2] = float(points[i][0]);
                packed[4 + c * kMaxPoints * 2 + i * 2 + 1] = float(points[i][1]);
            }
        }
        return std::make_shared<HueCurvesStep>(std::move(packed));
    };
    return t;
}

}  // namespace tinct
