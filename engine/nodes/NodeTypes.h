#pragma once
// The grading node types (registered in NodeTypes.cpp, in the order the station's "add node" menu
// lists them); one declaration per node family, defined beside each node's implementation.
#include <vector>

#include "engine/kernel/NodeRegistry.h"

namespace tinct {

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
