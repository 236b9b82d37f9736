#pragma once
// The grade as the station shows it with "Repairs" on: each repairing node that shows its repaired
// frame (a node type whose `view` offers "overlay": dust, scratch, dead_pixels) shows the repair laid
// over it in red instead. The grade under edit is left as it is; this is a view of it.
#include <string>

#include "engine/graph/Grade.h"

namespace tinct {

// With `only` naming a repairing node, just that node's repairs; else every repairing node's.
// `shown` (optional): how many nodes now show their repairs (0: the grade repairs nothing).
Grade withRepairOverlay(Grade grade, const std::string& only, int* shown = nullptr);

}  // namespace tinct
