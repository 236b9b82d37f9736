#pragma once
// One decoded picture (Planes storage) as an RGBA32F frame in memory, converted on the GPU by the
// same pass a render uses (YuvToRgb). For the station's viewer, which shows frames one at a time;
// renders keep the RGBA frame on the GPU instead.
#include "engine/io/Frame.h"

namespace tinct {

class GpuContext;

// A Float or Half frame is returned as it is.
Frame planesToRgba(GpuContext& gpu, const Frame& frame);

}  // namespace tinct
