// Qualifier: an HSL, RGB or luma key of the node's input (shaders/snippets/qualifier.glsl), with
// matte clean-up: clip black and white, shrink or grow, blur (spatial steps on the matte), and
// invert and combine, which GradeCompiler applies to every matte node.
#include <cmath>

#include "engine/Error.h"
#include "engine/kernel/GraphSteps.h"
#include "engine/nodes/NodeTypes.h"
#include "engine/nodes/SimplePointNodes.h"
#include "engine/nodes/SpatialSteps.h"

namespace tinct {

namespace {

const std::vector<std::string> kModes = {"hsl", "rgb", "luma"};

}  // namespace

std::vector<ParamDecl> matteFinishParams() {
    return {{"invert", ParamType::Flag, 0, 1, {0}, "checkbox", {}, "key everything outside instead"},
            {"combine", ParamType::Choice, 0, 0, {}, "menu", matteCombineNames(),
             "with the node's own matte input: intersect (both), union (either), subtract (the input's, minus this)"}};
}

NodeType qualifierNodeType() {
    NodeType t;
    t.name = "qualifier";
    t.description = "a key (matte) of the colours in its input: HSL, RGB or luma ranges with softness";
    t.kind = NodeKind::Matte;
    t.params = {
        {"mode", ParamType::Choice, 0, 0, {}, "menu", kModes, "which ranges select: hue/sat/lum, R/G/B, or luma"},
        {"use_hue", ParamType::Flag, 0, 1, {1}, "checkbox", {}, "hsl: select by hue"},
        {"hue_center", ParamType::Number, 0, 1, {0}, "slider", {}, "hsl: in turns (0 red, 1/3 green, 2/3 blue)"},
        {"hue_width", ParamType::Number, 0, 1, {0.1}, "slider", {}, "hsl: the full width selected, in turns"},
        {"hue_soft", ParamType::Number, 0, 0.5, {0.05}, "slider", {}, "hsl: fall-off beyond the width, in turns"},
        {"use_sat", ParamType::Flag, 0, 1, {1}, "checkbox", {}, "hsl: select by saturation"},
        {"sat_low", ParamType::Number, 0, 1, {0.1}, "slider", {}, ""},
        {"sat_high", ParamType::Number, 0, 1, {1}, "slider", {}, ""},
        {"sat_soft", ParamType::Number, 0, 1, {0.05}, "slider", {}, ""},
        {"use_lum", ParamType::Flag, 0, 1, {1}, "checkbox", {}, "hsl: select by lightness"},
        {"lum_low", ParamType::Number, -1, 100, {0}, "slider", {}, "hsl: lightness; luma mode: Rec.709 luma"},
        {"lum_high", ParamType::Number, -1, 100, {1}, "slider", {}, ""},
        {"lum_soft", ParamType::Number, 0, 10, {0.05}, "slider", {}, ""},
        {"rgb_low", ParamType::Rgb, -1, 100, {0, 0, 0, 0}, "slider", {}, "rgb: lower ends of the R, G, B ranges"},
        {"rgb_high", ParamType::Rgb, -1, 100, {1, 1, 1, 0}, "slider", {}, "rgb: upper ends"},
        {"rgb_soft", ParamType::Number, 0, 10, {0.05}, "slider", {}, "rgb: fall-off beyond each end"},
        {"clip_black", ParamType::Number, 0, 1, {0}, "slider", {}, "clean-up: matte values below become 0"},
        {"clip_white", ParamType::Number, 0, 1, {1}, "slider", {}, "clean-up: matte values above become 1"},
        {"shrink_grow", ParamType::Number, -50, 50, {0}, "slider", {}, "clean-up: pixels; < 0 shrinks, > 0 grows"},
        {"blur", ParamType::Number, 0, 50, {0}, "slider", {}, "clean-up: Gaussian sigma in pixels; 0: none"},
    };
    const auto finish = matteFinishParams();
    t.params.insert(t.params.end(), finish.begin(), finish.end());
    t.makeStep = [decls = t.params](const NodeParams& p, const NodeContext&) -> std::shared_ptr<const PointStep> {
        if (p.number("clip_white") <= p.number("clip_black"))
            throw Error("clip_white (" + std::to_string(p.number("clip_white")) + ") must be above clip_black (" +
                        std::to_string(p.number("clip_black")) + ")");
        auto key = std::make_shared<DeclaredStep>(
            p.text("mode") + " qualifier", "qualifier.glsl", "tinct_qualifier", decls,
            std::vector<std::string>{"mode", "use_hue", "hue_center", "hue_width", "hue_soft", "use_sat", "sat_low", "sat_high",
                                     "sat_soft", "use_lum", "lum_low", "lum_high", "lum_soft", "rgb_low", "rgb_high",
                                     "rgb_soft", "clip_black", "clip_white"},
            p);
        const int radius = int(std::lround(p.number("shrink_grow")));
        const double blur = p.number("blur");
        if (radius == 0 && blur <= 0) return key;
        // Clean-up that looks at neighbours: the key, then shrink or grow, then blur, as one graph step.
        PixelProgram program;
        program.append(key, {0});
        // On the matte alone: a quarter of an RGBA frame's memory and bandwidth.
        if (radius != 0)
            program.append(morphStep((radius > 0 ? "matte grow " : "matte shrink ") + std::to_string(std::abs(radius)) + " px",
                                     std::abs(radius), radius > 0, FrameKind::Matte),
                           {program.output});
        if (blur > 0)
            program.append(gaussianStep("matte blur (sigma " + std::to_string(blur) + ")", blur, -1, FrameKind::Matte),
                           {program.output});
        return graphStep(std::move(program), "qualifier with clean-up");
    };
    return t;
}

}  // namespace tinct
