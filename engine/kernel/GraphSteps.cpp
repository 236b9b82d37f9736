#include "engine/kernel/GraphSteps.h"

#include "engine/Error.h"

namespace tinct {

namespace {

// A small step given by its GLSL body over the arguments a0, a1, ... and its parameter vec4s $P0,
// $P1, ... (replaced by params[...] at the step's slot).
class WiringStep : public PointStep {
public:
    WiringStep(std::string what, uint32_t arity, std::vector<float> params, std::string body,
               std::vector<std::string> snippets = {})
        : what_(std::move(what)), arity_(arity), params_(std::move(params)), body_(std::move(body)), snippets_(std::move(snippets)) {}
    std::string describe() const override { return what_; }
    uint32_t arity() const override { return arity_; }
    std::vector<float> params() const override { return params_; }
    std::vector<std::string> snippets() const override { return snippets_; }
    std::string glsl(const StepSlot& slot) const override {
        std::string args;
        for (uint32_t i = 0; i < arity_; ++i) args += (i ? ", vec4 a" : "vec4 a") + std::to_string(i);
        std::string body = body_;
        for (size_t k = params_.size() / 4; k-- > 0;) {  // $P10 before $P1
            const std::string token = "$P" + std::to_string(k);
            const std::string with = "params[" + std::to_string(slot.paramOffset + k) + "]";
            for (size_t at; (at = body.find(token)) != std::string::npos;) body.replace(at, token.size(), with);
        }
        return "vec4 " + slot.functionName + "(" + args + ") {\n" + body + "\n}\n";
    }

private:
    std::string what_;
    uint32_t arity_;
    std::vector<float> params_;
    std::string body_;
    std::vector<std::string> snippets_;
};

std::shared_ptr<const PointStep> wiring(std::string what, size_t arity, std::vector<float> params, std::string body,
                                        std::vector<std::string> snippets = {}) {
    return std::make_shared<WiringStep>(std::move(what), uint32_t(arity), std::move(params), std::move(body), std::move(snippets));
}

class GraphStep : public PointStep {
public:
    GraphStep(PixelProgram program, std::string what) : program_(std::move(program)), what_(std::move(what)) {}
    std::string describe() const override { return what_; }
    std::string glsl(const StepSlot&) const override { throw Error("internal error: a graph step is expanded, not called"); }
    const PixelProgram* graph() const override { return &program_; }

private:
    PixelProgram program_;
    std::string what_;
};

}  // namespace

std::shared_ptr<const PointStep> keyStep(double opacity, bool withMatte) {
    return wiring("key (opacity " + std::to_string(opacity) + (withMatte ? " x matte)" : ")"), withMatte ? 1 : 0,
                  {float(opacity), 0, 0, 0}, withMatte ? "    return vec4($P0.x * clamp(a0.x, 0.0, 1.0));" : "    return vec4($P0.x);");
}

std::shared_ptr<const PointStep> keyMixStep() {
    return wiring("keyed mix", 3, {}, "    return mix(a0, a1, a2.x);");
}

std::shared_ptr<const PointStep> averageStep(size_t branches) {
    std::string body = "    return (a0";
    for (size_t i = 1; i < branches; ++i) body += " + a" + std::to_string(i);
    return wiring("parallel mixer (average of " + std::to_string(branches) + ")", branches, {},
                  body + ") / " + std::to_string(branches) + ".0;");
}

std::shared_ptr<const PointStep> addChangesStep(size_t branches) {
    std::string body = "    return a0";
    for (size_t i = 1; i <= branches; ++i) body += " + (a" + std::to_string(i) + " - a0)";
    return wiring("parallel mixer (changes of " + std::to_string(branches) + " added)", branches + 1, {}, body + ";");
}

const std::vector<std::string>& layerModeNames() {
    static const std::vector<std::string> names = {"normal",  "add",        "subtract",   "multiply", "screen",
                                                   "overlay", "soft light", "difference", "lighten",  "darken"};
    return names;
}

std::shared_ptr<const PointStep> layerStep(size_t layers, LayerMode mode) {
    std::string body = "    const int mode = int($P0.x);\n    vec4 r = a0;\n";
    for (size_t l = 1; l <= layers; ++l) {
        const std::string g = "a" + std::to_string(2 * l - 1), k = "a" + std::to_string(2 * l);
        body += "    r.rgb = mix(r.rgb, tinct_blend(mode, r.rgb, " + g + ".rgb), " + k + ".x);\n";
    }
    return wiring("layer mixer (" + std::to_string(layers) + " over the bottom, " + layerModeNames()[size_t(mode)] + ")",
                  1 + 2 * layers, {float(mode), 0, 0, 0}, body + "    return r;", {"blend.glsl"});
}

const std::vector<std::string>& matteCombineNames() {
    static const std::vector<std::string> names = {"intersect", "union", "subtract"};
    return names;
}

std::shared_ptr<const PointStep> matteFinishStep(bool invert, double opacity, bool withOther, MatteCombine combine) {
    std::string body = "    float m = clamp(a0.x, 0.0, 1.0);\n    m = mix(m, 1.0 - m, $P0.x) * $P0.y;\n";
    if (withOther)
        body += "    const float o = clamp(a1.x, 0.0, 1.0);\n"
                "    m = $P0.z < 0.5 ? m * o : $P0.z < 1.5 ? max(m, o) : o * (1.0 - m);\n";
    return wiring(std::string("matte") + (invert ? " inverted" : "") +
                      (withOther ? ", " + matteCombineNames()[size_t(combine)] + " with another" : ""),
                  withOther ? 2 : 1, {invert ? 1.0f : 0.0f, float(opacity), float(combine), 0}, body + "    return vec4(m);");
}

std::shared_ptr<const PointStep> fullMatteStep() { return wiring("full matte", 0, {}, "    return vec4(1.0);"); }

std::shared_ptr<const PointStep> matteImageStep() {
    return wiring("matte as an image", 1, {}, "    return vec4(a0.xxx, 1.0);");
}

std::shared_ptr<const PointStep> graphStep(PixelProgram program, std::string what) {
    return std::make_shared<GraphStep>(std::move(program), std::move(what));
}

}  // namespace tinct
