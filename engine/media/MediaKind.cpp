#include "engine/media/MediaKind.h"

#include <algorithm>
#include <filesystem>
#include <set>

namespace tinct {

MediaKind mediaKindOf(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    static const std::set<std::string> movies = {".mov", ".mp4", ".m4v", ".mxf", ".mkv", ".avi", ".nut", ".qt"};
    static const std::set<std::string> stills = {".dpx", ".tif", ".tiff", ".png"};
    if (ext == ".exr") return MediaKind::Exr;
    if (movies.count(ext)) return MediaKind::Movie;
    if (stills.count(ext)) return MediaKind::StillImage;
    return MediaKind::Unknown;
}

const char* mediaKindName(MediaKind kind) {
    switch (kind) {
        case MediaKind::Exr: return "EXR";
        case MediaKind::Movie: return "movie";
        case MediaKind::StillImage: return "image";
        case MediaKind::Unknown: break;
    }
    return "unknown";
}

}  // namespace tinct
