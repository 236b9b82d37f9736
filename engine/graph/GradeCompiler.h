#pragma once
// A grade turned into what the GPU runs: the nodes the output uses, bypassed ones left out, each
// limited by its key (opacity x matte), joined by mixers. A plain serial chain compiles to its steps
// one after another; anything else to one graph step, which kernels expand in place.
#include <string>

#include "engine/graph/Grade.h"
#include "engine/kernel/PointStep.h"

namespace tinct {

// `baseDirectory` resolves relative file parameters (the grade file's directory). Throws
// tinct::Error naming the node for a step that cannot be made (a LUT that does not load, ...).
PointSteps compileGrade(const Grade& grade, const std::string& baseDirectory);

}  // namespace tinct
