// Parallel and layer mixers: the nodes that join branches of a grade (engine/kernel/GraphSteps.has
// their GLSL; GradeCompiler wires their inputs).
#include <algorithm>

#include "engine/kernel/GraphSteps.h"
#include "engine/nodes/NodeTypes.h"

namespace tinct {

namespace {
constexpr size_t kMaxMixerInputs = 8;
const char* const kAddChanges = "add changes";
}  // namespace

NodeType parallelMixerNodeType() {
    NodeType t;
    t.name = "parallel_mixer";
    t.description = "joins parallel branches that start from the same node";
    t.kind = NodeKind::Mixer;
    t.minInputs = 2;
    t.maxInputs = kMaxMixerInputs;
    t.params = {{"mode", ParamType::Choice, 0, 0, {}, "menu", {kAddChanges, "average"},
                 "add changes: each branch's change to the common input is added, so keyed corrections in "
                 "different branches all show; average: the mean of the branches"}};
    t.mixerWiring = [](const NodeParams& p) {
        return p.text("mode") == kAddChanges ? MixerWiring::CommonAndValues : MixerWiring::Values;
    };
    t.makeStep = [](const NodeParams& p, const NodeContext& c) {
        return p.text("mode") == kAddChanges ? addChangesStep(c.inputCount) : averageStep(c.inputCount);
    };
    return t;
}

NodeType layerMixerNodeType() {
    NodeType t;
    t.name = "layer_mixer";
    t.description = "later inputs layered over earlier ones, each within its own key, by a blend mode";
    t.kind = NodeKind::Mixer;
    t.minInputs = 2;
    t.maxInputs = kMaxMixerInputs;
    t.params = {{"mode", ParamType::Choice, 0, 0, {}, "menu", layerModeNames(),
                 "how each layer combines with what is below it"}};
    t.mixerWiring = [](const NodeParams&) { return MixerWiring::BottomAndKeyedLayers; };
    t.makeStep = [](const NodeParams& p, const NodeContext& c) {
        const auto& names = layerModeNames();
        const auto mode = std::find(names.begin(), names.end(), p.text("mode")) - names.begin();
        return layerStep(c.inputCount - 1, LayerMode(mode));
    };
    return t;
}

}  // namespace tinct
