#pragma once
// A decoded picture as a Planes frame, ready for upload and the GPU's YUV to RGB pass.
#include <string>

extern "C" {
#include <libavutil/frame.h>
}

#include "engine/io/Frame.h"

namespace tinct {

// Copies `picture`'s planes into `frame` (reusing its memory), with the layout and colour signal the
// picture states; `fallback` fills in what the picture leaves unstated (a stream's tags).
void frameFromPicture(const AVFrame& picture, const std::string& path, Frame& frame,
                      const AVFrame* fallback = nullptr);

}  // namespace tinct
