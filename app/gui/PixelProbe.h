#pragma once
// Pixels of a frame through steps on the GPU, as the viewer runs them: the picker's working-space
// value, the qualifier picker's samples. The whole frame runs (a window earlier in the grade depends
// on where a pixel is; a temporal step on the frames around it), through the same Evaluator a render uses.
#include <array>
#include <vector>

#include "engine/kernel/PointStep.h"

namespace tinct {

class FrameSource;
class GpuContext;

// The values at `pixels` of frame `number` of `source` through the steps; pixels outside the frame
// are left out. Throws tinct::Error.
std::vector<std::array<float, 4>> sampleThroughSteps(GpuContext& gpu, const PointSteps& steps, FrameSource& source,
                                                     int64_t number, const std::vector<std::array<int, 2>>& pixels);

}  // namespace tinct
