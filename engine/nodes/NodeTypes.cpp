#include "engine/nodes/NodeTypes.h"

namespace tinct {

const std::vector<NodeType>& nodeTypes() {
    static const std::vector<NodeType> types = {primariesNodeType(), toneNodeType(),     curvesNodeType(),
                                                hueCurvesNodeType(), cdlNodeType(),      lutNodeType(),
                                                channelMixerNodeType(), softClipNodeType(), clampNodeType(),
                                                blurNodeType(),      sharpenNodeType(),  qualifierNodeType(),
                                                windowNodeType(),    parallelMixerNodeType(), layerMixerNodeType()};
    return types;
}

const NodeType* findNodeType(const std::string& name) {
    for (const auto& t : nodeTypes())
        if (t.name == name) return &t;
    return nullptr;
}

}  // namespace tinct
