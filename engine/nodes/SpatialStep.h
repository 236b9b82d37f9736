#pragma once
// A step that looks at neighbouring pixels: blur and sharpen nodes, a qualifier's matte clean-up.
#include <memory>
#include <string>

#include "engine/kernel/PointStep.h"

namespace tinct {

std::shared_ptr<const PointStep> spatialStep(std::string what, SpatialOp op);

}  // namespace tinct
