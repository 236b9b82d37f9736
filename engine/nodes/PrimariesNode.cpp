#include "engine/nodes/PrimariesNode.h"

#include <cfloat>
#include <cmath>

#include "engine/nodes/NodeTypes.h"

namespace tinct {

namespace {

// A clamp at or beyond +-1e30 means none (OCIO's NoClampBlack / NoClampWhite).
float clampValue(double v) { return v <= -1e30 ? -FLT_MAX : v >= 1e30 ? FLT_MAX : float(v); }

}  // namespace

PrimariesStep::PrimariesStep(NodeParams params) : params_(std::move(params)) {}

std::string PrimariesStep::glsl(const StepSlot& slot) const {
    const std::string p = "params[" + std::to_string(slot.paramOffset);
    return "vec4 " + slot.functionName + "(vec4 c) {\n    return tinct_primaries(c, " + p +
           "], " + p + " + 1], " + p + " + 2], " + p + " + 3]);\n}\n";
}

// The per-channel values OCIO's GradingPrimaryPreRender derives from the controls (forward).
std::vector<float> PrimariesStep::params() const {
    const std::string& style = params_.text("style");
    const auto b = params_.rgbm("brightness"), c = params_.rgbm("contrast"), g = params_.rgbm("gamma"),
               o = params_.rgbm("offset"), e = params_.rgbm("exposure"), l = params_.rgbm("lift"), k = params_.rgbm("gain");
    const double pivot = params_.number("pivot"), black = params_.number("pivot_black"), white = params_.number("pivot_white");
    float add[3], scale[3], power[3], styleIndex = 0, pivotValue = 0;
    for (int i = 0; i < 3; ++i) {
        if (style == "log") {
            add[i] = float((b[3] + b[i]) * 6.25 / 1023.0);
            scale[i] = float(c[3] * c[i]);
            power[i] = float(1.0 / (g[3] * g[i]));
        } else if (style == "lin") {
            add[i] = float(o[3] + o[i]);
            scale[i] = std::pow(2.0f, float(e[3] + e[i]));
            power[i] = float(c[3] * c[i]);
        } else {
            double gain = k[3] * k[i];
            gain = gain == 0 ? 1 : gain;
            add[i] = float(o[3] + o[i] + l[3] + l[i]);
            const double denominator = white / gain + l[3] + l[i] - black;
            scale[i] = float((white - black) / (denominator == 0 ? 1 : denominator));
            power[i] = float(1.0 / (g[3] * g[i]));
        }
    }
    if (style == "log") styleIndex = 0, pivotValue = float(0.5 + pivot * 0.5);
    else if (style == "lin") styleIndex = 1, pivotValue = float(0.18 * std::pow(2.0, pivot));
    else styleIndex = 2;
    return {add[0],   add[1],   add[2],   styleIndex,
            scale[0], scale[1], scale[2], pivotValue,
            power[0], power[1], power[2], float(params_.number("saturation")),
            float(black), float(white), clampValue(params_.number("clamp_black")), clampValue(params_.number("clamp_white"))};
}

NodeType primariesNodeType() {
    NodeType t;
    t.name = "primaries";
    t.description = "lift, gamma, gain, offset, contrast, pivot, exposure, saturation (OCIO GradingPrimary semantics)";
    t.params = {
        {"style", ParamType::Choice, 0, 0, {}, "menu", {"log", "lin", "video"}, "log for ACEScct-like, lin for scene-linear, video for display signals"},
        {"brightness", ParamType::Rgbm, -1000, 1000, {0, 0, 0, 0}, "wheel", {}, "log: added, in 10-bit code values / 6.25"},
        {"contrast", ParamType::Rgbm, 0.01, 100, {1, 1, 1, 1}, "wheel", {}, "log and lin: about the pivot"},
        {"gamma", ParamType::Rgbm, 0.01, 100, {1, 1, 1, 1}, "wheel", {}, "log and video: between the black and white pivots"},
        {"offset", ParamType::Rgbm, -100, 100, {0, 0, 0, 0}, "wheel", {}, "lin and video: added"},
        {"exposure", ParamType::Rgbm, -20, 20, {0, 0, 0, 0}, "wheel", {}, "lin: in stops"},
        {"lift", ParamType::Rgbm, -10, 10, {0, 0, 0, 0}, "wheel", {}, "video: raises the blacks"},
        {"gain", ParamType::Rgbm, 0, 100, {1, 1, 1, 1}, "wheel", {}, "video: scales towards the white pivot"},
        {"pivot", ParamType::Number, -10, 10, {-0.2}, "slider", {}, "log: 0.5 + pivot / 2 on the signal; lin: 0.18 x 2^pivot"},
        {"pivot_black", ParamType::Number, -10, 10, {0}, "slider", {}, "log and video"},
        {"pivot_white", ParamType::Number, -10, 10, {1}, "slider", {}, "log and video"},
        {"clamp_black", ParamType::Number, -1e30, 1e30, {-1e30}, "slider", {}, "-1e30: no clamp"},
        {"clamp_white", ParamType::Number, -1e30, 1e30, {1e30}, "slider", {}, "1e30: no clamp"},
        {"saturation", ParamType::Number, 0, 100, {1}, "slider", {}, "about Rec.709 luma"},
    };
    t.makeStep = [](const NodeParams& p, const NodeContext&) -> std::shared_ptr<const PointStep> {
        return std::make_shared<PrimariesStep>(p);
    };
    return t;
}

}  // namespace tinct
