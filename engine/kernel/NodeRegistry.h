#pragma once
// The node types Tinct knows. Each node folder (engine/nodes, engine/restore) registers its types
// when the program starts, so grade files, the compiler and the station find them by name without
// including the folders that define them: a new node type is new files there, nothing else.
#include <string>
#include <vector>

#include "engine/kernel/NodeType.h"

namespace tinct {

// Every registered type, in menu order: families by rank, and in each family the order it gave.
const std::vector<NodeType>& nodeTypes();
// nullptr when there is no such type.
const NodeType* findNodeType(const std::string& name);

// Registers a family of node types at static initialisation. `rank` orders families in menus
// (grading 0, restoration 1). Types whose names are taken already are an error at start-up.
struct NodeFamilyRegistration {
    NodeFamilyRegistration(int rank, std::vector<NodeType> (*types)());
};

}  // namespace tinct
