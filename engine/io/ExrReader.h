#pragma once
// Reads one colour layer of an OpenEXR file into an RGBA32F frame.
#include "engine/io/Frame.h"

#include <string>

namespace tinct {

// Reads the layer's R, G, B and A (or Y, copied to R, G and B) channels, of any pixel type and
// compression, scanline or tiled, from whichever part holds them. layer "" is the unnamed layer
// of the first part that has one; otherwise a layer name ("diffuse" for diffuse.R, ...) or a
// part's name. A missing A reads as 1 and hasAlpha is false; a missing colour channel reads as 0.
// Throws tinct::Error naming the file for missing, unreadable, truncated or deep files and for
// an unknown layer (listing the layers the file has).
Frame readExr(const std::string& path, const std::string& layer = "");

struct ExrReadOptions {
    std::string layer;
    // Keep half-float sources as half (PixelStorage::Half), for a GPU that converts them itself.
    // Files with any float or uint channel are read as Float regardless.
    bool keepHalf = false;
};

// As readExr, into `frame`, reusing its pixel memory when it is already large enough: a render
// recycles frames so that each new one costs no allocation and no page faults.
void readExrInto(const std::string& path, const ExrReadOptions& options, Frame& frame);

}  // namespace tinct
