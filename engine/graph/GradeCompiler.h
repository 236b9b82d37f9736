#pragma once
// A grade turned into what the GPU runs: the nodes the output uses, bypassed ones left out, each
// limited by its key (opacity x matte), joined by mixers. A plain serial chain compiles to its steps
// one after another; anything else to one graph step, which kernels expand in place.
#include <map>
#include <string>

#include "engine/graph/Grade.h"
#include "engine/kernel/PointStep.h"

namespace tinct {

// Which node of the grade made each step, for what is said per node (repairs counted by --stats).
using StepNodes = std::map<const PointStep*, std::string>;

// `baseDirectory` resolves relative file parameters (the grade file's directory). Throws
// tinct::Error naming the node for a step that cannot be made (a LUT that does not load, ...).
// With `nodes`, each node's step (a repairing node's repair, not the matte it gives other nodes)
// is added to it under the node's id.
PointSteps compileGrade(const Grade& grade, const std::string& baseDirectory, StepNodes* nodes = nullptr);

}  // namespace tinct
