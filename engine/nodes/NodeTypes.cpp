#include "engine/nodes/NodeTypes.h"

namespace tinct {

namespace {

std::vector<NodeType> gradingNodeTypes() {
    return {primariesNodeType(),     toneNodeType(),     curvesNodeType(), hueCurvesNodeType(),
            cdlNodeType(),           lutNodeType(),      channelMixerNodeType(), softClipNodeType(),
            clampNodeType(),         blurNodeType(),     sharpenNodeType(),      qualifierNodeType(),
            windowNodeType(),        parallelMixerNodeType(), layerMixerNodeType()};
}

const NodeFamilyRegistration registration(0, gradingNodeTypes);

}  // namespace

}  // namespace tinct
