#pragma once
// What a kind of node is: its name, whether it works per pixel, its parameter declarations, and
// how it becomes a step for the GPU. Each node family in engine/nodes/ provides one.
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "engine/kernel/Parameter.h"
#include "engine/kernel/PointStep.h"

namespace tinct {

// Point: per pixel, one input. Spatial: looks at neighbours, one input. Mixer: joins several inputs.
// Matte: makes a matte (a key) that limits other nodes, from its input (qualifier) or from where the
// pixel is (window, no input).
enum class NodeKind { Point, Spatial, Temporal, Mixer, Matte };

// How a mixer's step takes its inputs: their values; the value all branches started from, then
// theirs; or the bottom layer's value, then each layer's graded value and key.
enum class MixerWiring { Values, CommonAndValues, BottomAndKeyedLayers };

// What a node may need beyond its parameters.
struct NodeContext {
    std::string baseDirectory;  // where relative file parameters are looked for (the grade file's)
    size_t inputCount = 1;      // mixers: how many inputs the step joins
};

struct NodeType {
    std::string name;
    std::string description;
    NodeKind kind = NodeKind::Point;
    std::vector<ParamDecl> params;
    size_t minInputs = 1, maxInputs = 1;
    std::function<MixerWiring(const NodeParams&)> mixerWiring;  // mixers only
    // The step for these parameter values; for a matte node, the raw matte in .x (a qualifier's may be
    // a graph step with its clean-up). Throws tinct::Error for values that cannot work (a LUT file
    // that does not load, ...).
    std::function<std::shared_ptr<const PointStep>(const NodeParams&, const NodeContext&)> makeStep;
    // A repairing node's repair matte in .x, for nodes that take the node as their matte; empty for
    // nodes that make none besides Matte nodes.
    std::function<std::shared_ptr<const PointStep>(const NodeParams&, const NodeContext&)> makeMatteStep;
};

}  // namespace tinct
