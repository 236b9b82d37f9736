#pragma once
// One pixel through a point program on the GPU: the picker's working-space value is the source pixel
// converted to the working space and graded, by the same steps the viewer runs.
#include <array>

#include "engine/graph/PointStep.h"

namespace tinct {

class GpuContext;

std::array<float, 4> runOnePixel(GpuContext& gpu, const PointSteps& steps, const std::array<float, 4>& rgba);

}  // namespace tinct
