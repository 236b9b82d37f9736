#pragma once
// ASC CDL interchange with other systems: a .cc/.ccc/.cdl correction becomes a cdl node of a
// grade, and a cdl node is written back as .cc, .ccc or .cdl (by extension), through OpenColorIO.
#include <string>

#include "engine/graph/GradeEditor.h"

namespace tinct {

// Adds the correction (`id`: id or index in a collection, first when empty) as a cdl node after
// `afterId` (the end of the chain when empty); returns the new node's id. Undoable like any edit.
std::string importCdl(GradeEditor& editor, const std::string& path, const std::string& id, const std::string& afterId = "");

// Writes node `nodeId` (a cdl node) of `grade`; the correction's id is the node's label, or its id.
void exportCdl(const Grade& grade, const std::string& nodeId, const std::string& path);

}  // namespace tinct
