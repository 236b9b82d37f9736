#pragma once
// What `tinct info` says about an EXR, from its headers alone (no pixels are decoded).
#include <nlohmann/json.hpp>

#include <string>

namespace tinct {

// {"path", "parts": [{"index", "name"?, "type", "tiled", "tileSize"?, "levelMode"?,
//   "compression", "dataWindow", "displayWindow", "pixelAspectRatio", "lineOrder",
//   "channels": [{"name", "type", "xSampling", "ySampling"}], "layers", "attributes": {...}}],
//  "layers"}. "layers" lists layer names ("" is the unnamed layer); "attributes" holds every
// other header attribute (chromaticities, timeCode, framesPerSecond, owner, custom ones...).
// Throws tinct::Error naming the file if it is missing or not a readable EXR.
nlohmann::json describeExr(const std::string& path);

}  // namespace tinct
