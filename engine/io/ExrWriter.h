#pragma once
// Writes a frame as a single-part scanline OpenEXR file that keeps the source's geometry and
// attributes.
#include "engine/io/ExrCompression.h"
#include "engine/io/Frame.h"

#include <string>

namespace tinct {

struct ExrWriteOptions {
    PixelType pixelType = PixelType::Half;  // Half or Float; Uint is refused
    ExrCompression compression = ExrCompression::Zip;
};

// Writes channels R, G, B (and A when frame.hasAlpha) with the frame's data and display windows
// and every non-structural attribute of frame.attributes. The file appears at path only when
// complete; on failure nothing is left behind. Throws tinct::Error naming the path.
void writeExr(const std::string& path, const Frame& frame, const ExrWriteOptions& options);

}  // namespace tinct
