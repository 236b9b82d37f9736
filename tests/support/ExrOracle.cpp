#include "tests/support/ExrOracle.h"

#include <ImfChannelList.h>
#include <ImfFrameBuffer.h>
#include <ImfInputFile.h>
#include <ImfOutputFile.h>
#include <half.h>

namespace tinct::test {

namespace {

Imf::FrameBuffer frameBufferFor(float* base, const Imath::Box2i& window, const char* const* names, int count) {
    const int width = window.max.x - window.min.x + 1;
    const size_t xStride = 4 * sizeof(float), yStride = xStride * width;
    char* origin = reinterpret_cast<char*>(base) - (window.min.x * xStride + window.min.y * yStride);
    Imf::FrameBuffer fb;
    for (int c = 0; c < count; ++c)
        fb.insert(names[c], Imf::Slice(Imf::FLOAT, origin + c * sizeof(float), xStride, yStride, 1, 1, c == 3 ? 1.0 : 0.0));
    return fb;
}

const char* const kNames[] = {"R", "G", "B", "A"};

}  // namespace

void writeExrWithOpenExr(const std::string& path, Imf::Header header, const std::vector<float>& rgba,
                         Imf::PixelType type) {
    for (const char* name : kNames) header.channels().insert(name, Imf::Channel(type));
    Imf::OutputFile file(path.c_str(), header);
    const auto& dw = header.dataWindow();
    const int rows = dw.max.y - dw.min.y + 1;
    std::vector<float> copy = rgba;
    if (type == Imf::FLOAT) {
        file.setFrameBuffer(frameBufferFor(copy.data(), dw, kNames, 4));
        file.writePixels(rows);
        return;
    }
    // OpenEXR converts pixel types when reading but not when writing: hand it halves.
    std::vector<half> halves(copy.begin(), copy.end());
    const int width = dw.max.x - dw.min.x + 1;
    const size_t xStride = 4 * sizeof(half), yStride = xStride * width;
    char* origin = reinterpret_cast<char*>(halves.data()) - (dw.min.x * xStride + dw.min.y * yStride);
    Imf::FrameBuffer fb;
    for (int c = 0; c < 4; ++c) fb.insert(kNames[c], Imf::Slice(Imf::HALF, origin + c * sizeof(half), xStride, yStride));
    file.setFrameBuffer(fb);
    file.writePixels(rows);
}

ExrPixels readExrWithOpenExr(const std::string& path) {
    Imf::InputFile file(path.c_str());
    ExrPixels p;
    p.header = file.header();
    const auto& dw = p.header.dataWindow();
    p.width = dw.max.x - dw.min.x + 1;
    p.height = dw.max.y - dw.min.y + 1;
    p.rgba.assign(size_t(p.width) * p.height * 4, 0.0f);
    file.setFrameBuffer(frameBufferFor(p.rgba.data(), dw, kNames, 4));
    file.readPixels(dw.min.y, dw.max.y);
    return p;
}

}  // namespace tinct::test
