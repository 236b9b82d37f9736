#pragma once
// The restoration node types (registered in RestorationNodes.cpp, after the grading nodes in menus);
// one declaration per node, defined beside its implementation.
#include "engine/kernel/NodeRegistry.h"

namespace tinct {

NodeType temporalMedianNodeType();
NodeType dustNodeType();
NodeType deflickerNodeType();
NodeType deadPixelsNodeType();
NodeType scratchNodeType();
NodeType denoiseNodeType();
NodeType frameRepairNodeType();
NodeType stabilizeNodeType();
NodeType grainNodeType();

}  // namespace tinct
