#pragma once
// Test inputs made with OpenEXR's own API and a read-back through it, so that readExr and
// writeExr are always checked against OpenEXR rather than against each other.
#include <ImfHeader.h>
#include <ImfPixelType.h>
#include <ImfRgba.h>

#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "tests/support/TempDir.h"

namespace tinct::test {

// Distinct for every channel of every pixel in any 32x16 area, negative and well above 1, and
// exactly representable as half, so lossless paths can be checked for equality.
float exactHalfValue(int x, int y, int c);
// exactHalfValue plus a third: needs full float precision, so a half anywhere shows.
float exactFloatValue(int x, int y, int c);
// A smooth positive ramp (for x, y >= -32; about 0.1 to 3 over the test images): what lossy
// codecs are designed for.
float smoothValue(int x, int y, int c);

struct TestChannel {
    std::string name;
    Imf::PixelType type;
    std::function<double(int x, int y)> value;
};

// What OpenEXR stores for v in a channel of the given type, as float: what a reader must return.
float storedValue(Imf::PixelType type, double v);

// Writes one scanline part with the header's windows and compression and the given channels.
void writeScanlineFile(const std::string& path, Imf::Header header,
                       const std::vector<TestChannel>& channels);

struct TestPart {
    Imf::Header header;  // name set; tiled if it has a tile description
    std::vector<TestChannel> channels;
};
void writeMultiPartFile(const std::string& path, std::vector<TestPart> parts);

// Half RGBA (or RGB, or luminance/chroma) through OpenEXR's simplest interface, with
// exactHalfValue pixels; a tile size > 0 makes it tiled (one level).
void writeRgbaFile(const std::string& path, const Imath::Box2i& displayWindow,
                   const Imath::Box2i& dataWindow, Imf::RgbaChannels channels,
                   Imf::Compression compression = Imf::ZIP_COMPRESSION, int tileSize = 0,
                   const std::function<void(Imf::Header&)>& addAttributes = {});

// A one-part deep scanline file with R, G, B, A and Z, one sample per pixel.
void writeDeepFile(const std::string& path);

// Channels read back by OpenEXR as float, by name, row-major over the data window.
struct ReadBack {
    Imf::Header header;
    std::map<std::string, std::vector<float>> channels;
    int width = 0, height = 0;
};
ReadBack readWithOpenExr(const std::string& path);

}  // namespace tinct::test
