#include "engine/nodes/SimplePointNodes.h"

#include "engine/Error.h"
#include "engine/nodes/NodeTypes.h"

namespace tinct {

SnippetStep::SnippetStep(std::string what, std::string snippet, std::string function, std::vector<float> packed)
    : what_(std::move(what)), snippet_(std::move(snippet)), function_(std::move(function)), packed_(std::move(packed)) {}

std::string SnippetStep::glsl(const StepSlot& slot) const {
    std::string call = function_ + "(c";
    for (size_t i = 0; i < packed_.size() / 4; ++i) call += ", params[" + std::to_string(slot.paramOffset + i) + "]";
    return "vec4 " + slot.functionName + "(vec4 c) { return " + call + "); }\n";
}

std::vector<float> vec4s(std::initializer_list<std::array<double, 4>> values) {
    std::vector<float> out;
    for (const auto& v : values)
        for (double x : v) out.push_back(float(x));
    return out;
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
    t.makeStep = [](const NodeParams& p, const NodeContext&) -> std::shared_ptr<const PointStep> {
        return std::make_shared<SnippetStep>("channel mixer", "channel_mixer.glsl", "tinct_channel_mixer",
                                             vec4s({p.rgbm("red"), p.rgbm("green"), p.rgbm("blue"), p.rgbm("offset")}));
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
    t.makeStep = [](const NodeParams& p, const NodeContext&) -> std::shared_ptr<const PointStep> {
        if (p.number("ceiling") <= p.number("knee")) throw Error("soft_clip: the ceiling must be above the knee");
        return std::make_shared<SnippetStep>("soft clip", "soft_clip.glsl", "tinct_soft_clip",
                                             vec4s({{p.number("knee"), p.number("ceiling"), 0, 0}}));
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
    t.makeStep = [](const NodeParams& p, const NodeContext&) -> std::shared_ptr<const PointStep> {
        return std::make_shared<SnippetStep>("clamp", "clamp.glsl", "tinct_clamp", vec4s({p.rgbm("min"), p.rgbm("max")}));
    };
    return t;
}

}  // namespace tinct
