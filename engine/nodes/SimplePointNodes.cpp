#include "engine/nodes/SimplePointNodes.h"

#include "engine/Error.h"
#include "engine/nodes/NodeTypes.h"

namespace tinct {

DeclaredStep::DeclaredStep(std::string what, std::string snippet, std::string function, const std::vector<ParamDecl>& decls,
                           std::vector<std::string> names, const NodeParams& values, uint32_t arity)
    : what_(std::move(what)), snippet_(std::move(snippet)), function_(std::move(function)),
      packing_(decls, std::move(names)), packed_(packing_.pack(values)), arity_(arity) {}

std::string DeclaredStep::glsl(const StepSlot& slot) const {
    const std::string args = packing_.arguments(slot.paramOffset);
    if (arity_ == 0) return "vec4 " + slot.functionName + "() { return " + function_ + "(" + args + "); }\n";
    return "vec4 " + slot.functionName + "(vec4 c) { return " + function_ + "(c" + (args.empty() ? "" : ", ") + args + "); }\n";
}

NodeType channelMixerNodeType() {
    NodeType t;
    t.name = "channel_mixer";
    t.description = "each output channel as a mix of the input channels, plus an offset";
    t.params = {
        {"red", ParamType::Rgb, -10, 10, {1, 0, 0, 0}, "slider", {}, "weights of R, G, B in the new red"},
        {"green", ParamType::Rgb, -10, 10, {0, 1, 0, 0}, "slider", {}, "weights of R, G, B in the new green"},
        {"blue", ParamType::Rgb, -10, 10, {0, 0, 1, 0}, "slider", {}, "weights of R, G, B in the new blue"},
        {"offset", ParamType::Rgb, -10, 10, {0, 0, 0, 0}, "slider", {}, "added to each output channel"},
    };
    t.makeStep = [decls = t.params](const NodeParams& p, const NodeContext&) -> std::shared_ptr<const PointStep> {
        return std::make_shared<DeclaredStep>("channel mixer", "channel_mixer.glsl", "tinct_channel_mixer", decls,
                                              std::vector<std::string>{"red", "green", "blue", "offset"}, p);
    };
    return t;
}

NodeType softClipNodeType() {
    NodeType t;
    t.name = "soft_clip";
    t.description = "highlight roll-off: values above the knee approach the ceiling smoothly";
    t.params = {
        {"knee", ParamType::Number, 0, 1000, {0.8}, "slider", {}, "where the roll-off starts"},
        {"ceiling", ParamType::Number, 0, 1000, {1.0}, "slider", {}, "the value highlights approach"},
    };
    t.makeStep = [decls = t.params](const NodeParams& p, const NodeContext&) -> std::shared_ptr<const PointStep> {
        if (p.number("ceiling") <= p.number("knee")) throw Error("soft_clip: the ceiling must be above the knee");
        return std::make_shared<DeclaredStep>("soft clip", "soft_clip.glsl", "tinct_soft_clip", decls,
                                              std::vector<std::string>{"knee", "ceiling"}, p);
    };
    return t;
}

NodeType clampNodeType() {
    NodeType t;
    t.name = "clamp";
    t.description = "limits each channel to a range";
    t.params = {
        {"min", ParamType::Rgb, -1e6, 1e6, {0, 0, 0, 0}, "slider", {}, "lowest value per channel"},
        {"max", ParamType::Rgb, -1e6, 1e6, {1, 1, 1, 0}, "slider", {}, "highest value per channel"},
    };
    t.makeStep = [decls = t.params](const NodeParams& p, const NodeContext&) -> std::shared_ptr<const PointStep> {
        return std::make_shared<DeclaredStep>("clamp", "clamp.glsl", "tinct_clamp", decls, std::vector<std::string>{"min", "max"}, p);
    };
    return t;
}

}  // namespace tinct
