#pragma once
// EXR files made and read with OpenEXR's own API, never with Tinct's reader or writer, so the
// command-line tests check Tinct against OpenEXR.
#include <ImfHeader.h>
#include <ImfPixelType.h>

#include <string>
#include <vector>

namespace tinct::test {

struct ExrPixels {
    int width = 0, height = 0;
    std::vector<float> rgba;  // data window, RGBA; A is 1 where the file has none
    Imf::Header header;
};

// Writes R, G, B, A of `rgba` (width*height pixels) with `type` into a scanline file whose data
// window is the header's.
void writeExrWithOpenExr(const std::string& path, Imf::Header header, const std::vector<float>& rgba,
                         Imf::PixelType type = Imf::FLOAT);

ExrPixels readExrWithOpenExr(const std::string& path);

}  // namespace tinct::test
