#pragma once
// The small copy of the source frame that node thumbnails are graded from.
#include "engine/io/Frame.h"

namespace tinct {

// A Float frame `width` pixels wide (the frame's own width where that is smaller), its height
// keeping the aspect; each pixel the mean of the frame's pixels whose centres fall inside it, with
// NaN and Inf replaced first as the kernels replace them (shaders/snippets/sanitize.glsl), so one
// bad pixel cannot blank a thumbnail. Throws tinct::Error for a frame that is not Float.
Frame shrinkFrame(const Frame& frame, int width);

}  // namespace tinct
