#pragma once
// A grade turned into the point steps of one fused kernel: its chain in order, bypassed nodes
// left out, a node with opacity below 1 mixed with its input.
#include <string>

#include "engine/graph/Grade.h"
#include "engine/graph/PointStep.h"

namespace tinct {

// `baseDirectory` resolves relative file parameters (the grade file's directory). Throws
// tinct::Error naming the node for a step that cannot be made (a LUT that does not load, ...).
PointSteps compileGrade(const Grade& grade, const std::string& baseDirectory);

}  // namespace tinct
