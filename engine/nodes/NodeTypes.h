#pragma once
// Every node type Tinct knows, in the order the station's "add node" menu lists them.
#include <string>
#include <vector>

#include "engine/graph/NodeType.h"

namespace tinct {

const std::vector<NodeType>& nodeTypes();
// nullptr when there is no such type.
const NodeType* findNodeType(const std::string& name);

// One declaration per node family, defined beside each node's implementation.
NodeType cdlNodeType();
NodeType lutNodeType();
NodeType primariesNodeType();
NodeType toneNodeType();
NodeType curvesNodeType();
NodeType hueCurvesNodeType();
NodeType blurNodeType();
NodeType sharpenNodeType();
NodeType channelMixerNodeType();
NodeType clampNodeType();
NodeType softClipNodeType();

}  // namespace tinct
