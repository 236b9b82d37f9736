#pragma once
// Writes 8-bit PNG files: scope captures, viewer snapshots and thumbnails, already in display
// code values. No colour conversion happens here; the caller hands over finished 8-bit pixels.
#include <cstdint>
#include <string>
#include <vector>

namespace tinct {

// Writes width x height pixels from rgba8 (row-major, top row first, 4 bytes R, G, B, A per pixel,
// so rgba8.size() == width * height * 4) as an 8-bit PNG: colour type RGB, dropping A, or RGBA
// when withAlpha. The file carries a tEXt chunk Software = Tinct. It appears at path only when
// complete (written to a temporary beside it, then renamed); on any failure nothing is left
// behind and a tinct::Error naming path is thrown.
void writePng(const std::string& path, int width, int height, const std::vector<uint8_t>& rgba8,
              bool withAlpha = false);

}  // namespace tinct
