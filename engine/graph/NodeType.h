#pragma once
// What a kind of node is: its name, whether it works per pixel, its parameter declarations, and
// how it becomes a step for the GPU. Each node family in engine/nodes/ provides one.
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "engine/graph/Parameter.h"
#include "engine/graph/PointStep.h"

namespace tinct {

enum class NodeKind { Point, Spatial, Temporal };

// What a node may need beyond its parameters.
struct NodeContext {
    std::string baseDirectory;  // where relative file parameters are looked for (the grade file's)
};

struct NodeType {
    std::string name;
    std::string description;
    NodeKind kind = NodeKind::Point;
    std::vector<ParamDecl> params;
    // For point nodes: the step for these parameter values. Throws tinct::Error for values that
    // cannot work (a LUT file that does not load, ...).
    std::function<std::shared_ptr<const PointStep>(const NodeParams&, const NodeContext&)> makeStep;
};

}  // namespace tinct
