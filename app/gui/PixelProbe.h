#pragma once
// One pixel through a point program on the GPU: the picker's working-space value is the source pixel
// converted to the working space and graded, by the same steps the viewer runs.
#include <array>
#include <vector>

#include "engine/kernel/PointStep.h"
#include "engine/io/Frame.h"

namespace tinct {

class GpuContext;

// The values at `pixels` of the whole frame through the steps (a window earlier in the grade depends
// on where a pixel is, so the frame runs whole). `frame` holds float RGBA.
std::vector<std::array<float, 4>> sampleThroughSteps(GpuContext& gpu, const PointSteps& steps, const Frame& frame,
                                                     const std::vector<std::array<int, 2>>& pixels);

std::array<float, 4> runOnePixel(GpuContext& gpu, const PointSteps& steps, const std::array<float, 4>& rgba);

}  // namespace tinct
