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
NodeType qualifierNodeType();
// The parameters every matte node has, which GradeCompiler applies: invert, combine.
std::vector<ParamDecl> matteFinishParams();
NodeType windowNodeType();
NodeType parallelMixerNodeType();
NodeType layerMixerNodeType();

}  // namespace tinct
