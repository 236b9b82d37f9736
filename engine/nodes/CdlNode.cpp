#include "engine/nodes/CdlNode.h"

#include "engine/Error.h"
#include "engine/kernel/ParamPacking.h"

namespace tinct {

CdlStyle parseCdlStyle(const std::string& name) {
    if (name == "no-clamp" || name == "noclamp") return CdlStyle::NoClamp;
    if (name == "asc" || name == "v1.2") return CdlStyle::Asc;
    throw Error("unknown CDL style '" + name + "': use no-clamp or asc");
}

CdlNode::CdlNode(CdlValues values, CdlStyle style, std::string source)
    : values_(std::move(values)), style_(style), source_(std::move(source)) {}

std::string CdlNode::describe() const {
    std::string s = "CDL";
    if (!source_.empty()) s += " " + source_;
    if (!values_.id.empty()) s += " (id " + values_.id + ")";
    return s + (style_ == CdlStyle::Asc ? " [asc clamp]" : " [no-clamp]");
}

namespace {

// The cdl node's declarations lay out the parameters, whether the values came from a node or a file.
const ParamPacking& cdlPacking() {
    static const ParamPacking packing(cdlNodeType().params, {"slope", "offset", "power", "saturation", "style"});
    return packing;
}

}  // namespace

std::string CdlNode::glsl(const StepSlot& slot) const {
    return "vec4 " + slot.functionName + "(vec4 c) { return tinct_cdl(c, " + cdlPacking().arguments(slot.paramOffset) + "); }\n";
}

std::vector<float> CdlNode::params() const {
    NodeParams p = defaultParams(cdlNodeType().params);
    const auto& v = values_;
    p.set("slope", std::array<double, 4>{v.slope[0], v.slope[1], v.slope[2], 0});
    p.set("offset", std::array<double, 4>{v.offset[0], v.offset[1], v.offset[2], 0});
    p.set("power", std::array<double, 4>{v.power[0], v.power[1], v.power[2], 0});
    p.set("saturation", v.saturation);
    p.set("style", std::string(style_ == CdlStyle::Asc ? "asc" : "no-clamp"));
    return cdlPacking().pack(p);
}

}  // namespace tinct

namespace tinct {

NodeType cdlNodeType() {
    NodeType t;
    t.name = "cdl";
    t.description = "ASC CDL: slope, offset, power and saturation (OpenColorIO's CDLTransform)";
    t.params = {
        {"slope", ParamType::Rgb, 0, 100, {1, 1, 1, 0}, "wheel", {}, "multiplies, per channel"},
        {"offset", ParamType::Rgb, -100, 100, {0, 0, 0, 0}, "wheel", {}, "adds, per channel"},
        {"power", ParamType::Rgb, 0.01, 100, {1, 1, 1, 0}, "wheel", {}, "raises to, per channel (negatives pass in no-clamp)"},
        {"saturation", ParamType::Number, 0, 100, {1}, "slider", {}, "about Rec.709 luma"},
        {"style", ParamType::Choice, 0, 0, {}, "menu", {"no-clamp", "asc"}, "asc clamps to 0..1 as ASC CDL v1.2 does"},
    };
    t.makeStep = [](const NodeParams& p, const NodeContext&) -> std::shared_ptr<const PointStep> {
        CdlValues v;
        const auto s = p.rgbm("slope"), o = p.rgbm("offset"), w = p.rgbm("power");
        v.slope = {s[0], s[1], s[2]};
        v.offset = {o[0], o[1], o[2]};
        v.power = {w[0], w[1], w[2]};
        v.saturation = p.number("saturation");
        return std::make_shared<CdlNode>(v, parseCdlStyle(p.text("style")));
    };
    return t;
}

}  // namespace tinct
