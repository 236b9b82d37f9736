#include "engine/restore/RestorationNodes.h"

namespace tinct {

namespace {

std::vector<NodeType> restorationNodeTypes() { return {dustNodeType(), deadPixelsNodeType(), scratchNodeType(), deflickerNodeType(), denoiseNodeType(), frameRepairNodeType(), stabilizeNodeType(), grainNodeType(), temporalMedianNodeType()}; }

const NodeFamilyRegistration registration(1, restorationNodeTypes);

}  // namespace

}  // namespace tinct
