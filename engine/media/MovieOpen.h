#pragma once
// Opens a movie file with libavformat and reads its stream headers.
#include <string>

#include "engine/media/LibavHandles.h"

namespace tinct {

// Throws tinct::Error naming the path: missing file, not a movie FFmpeg can read, damaged headers.
InputFormat openMovie(const std::string& path);

}  // namespace tinct
