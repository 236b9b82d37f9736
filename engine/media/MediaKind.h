#pragma once
// Which reader or writer a path needs, by its extension: EXR (OpenEXR), a movie container, or a
// still image FFmpeg codes (DPX, TIFF, PNG), one file per frame.
#include <string>

namespace tinct {

enum class MediaKind { Exr, Movie, StillImage, Unknown };

MediaKind mediaKindOf(const std::string& path);

// "exr", "movie", ... for messages.
const char* mediaKindName(MediaKind kind);

}  // namespace tinct
