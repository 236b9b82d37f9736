#pragma once
// Decoded pictures (Planes storage) as RGBA32F frames in memory, converted on the GPU by the same
// pass a render uses (YuvToRgb). For the station's viewer, which shows frames one at a time;
// renders keep the RGBA frame on the GPU instead. The pass and its buffers are made once and kept.
#include "engine/gpu/FrameSlots.h"
#include "engine/io/Frame.h"
#include "engine/media/YuvToRgb.h"

namespace tinct {

class PlanesToRgba {
public:
    explicit PlanesToRgba(GpuContext& gpu);
    // A Float or Half frame is returned as it is.
    Frame convert(const Frame& frame);

private:
    YuvToRgb pass_;
    const PlaneLayout* layout_ = nullptr;  // of the frame being converted
    FrameSlots slots_;
};

}  // namespace tinct
