#include "tests/support/ExrTestFiles.h"

#include <ImfChannelList.h>
#include <ImfDeepFrameBuffer.h>
#include <ImfDeepScanLineOutputFile.h>
#include <ImfFrameBuffer.h>
#include <ImfInputFile.h>
#include <ImfMultiPartOutputFile.h>
#include <ImfOutputFile.h>
#include <ImfOutputPart.h>
#include <ImfPartType.h>
#include <ImfRgbaFile.h>
#include <ImfTiledRgbaFile.h>
#include <ImfTiledOutputPart.h>
#include <gtest/gtest.h>
#include <half.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <unistd.h>

namespace tinct::test {
namespace {


size_t sizeOf(Imf::PixelType type) { return type == Imf::HALF ? 2 : 4; }

// Channel samples in the file's own type, laid out over the data window.
struct ChannelBuffer {
    std::vector<char> bytes;
    Imf::PixelType type;
};

std::vector<ChannelBuffer> fill(const Imf::Header& header, const std::vector<TestChannel>& channels,
                                Imf::FrameBuffer& frameBuffer) {
    const Imath::Box2i dw = header.dataWindow();
    const int w = dw.max.x - dw.min.x + 1, h = dw.max.y - dw.min.y + 1;
    std::vector<ChannelBuffer> buffers(channels.size());
    for (size_t i = 0; i < channels.size(); ++i) {
        const auto& ch = channels[i];
        auto& buf = buffers[i];
        buf.type = ch.type;
        buf.bytes.resize(size_t(w) * h * sizeOf(ch.type));
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x) {
                const double v = ch.value(x + dw.min.x, y + dw.min.y);
                char* at = buf.bytes.data() + (size_t(y) * w + x) * sizeOf(ch.type);
                if (ch.type == Imf::HALF) { const half hv = half(float(v)); std::memcpy(at, &hv, 2); }
                if (ch.type == Imf::FLOAT) { float fv = float(v); std::memcpy(at, &fv, 4); }
                if (ch.type == Imf::UINT) { unsigned uv = unsigned(v); std::memcpy(at, &uv, 4); }
            }
        frameBuffer.insert(ch.name, Imf::Slice::Make(ch.type, buf.bytes.data(), dw,
                                                      sizeOf(ch.type), sizeOf(ch.type) * w));
    }
    return buffers;
}

void addChannels(Imf::Header& header, const std::vector<TestChannel>& channels) {
    for (const auto& ch : channels) header.channels().insert(ch.name, Imf::Channel(ch.type));
}

}  // namespace

float exactHalfValue(int x, int y, int c) {
    const int index = ((x & 31) + 32 * (y & 15)) * 4 + c;  // 0..2047
    return float(index - 1024) / 16.0f;                     // [-64, 64) in steps of 1/16
}

float exactFloatValue(int x, int y, int c) {
    return exactHalfValue(x, y, c) + 1.0f / 3.0f;
}

float smoothValue(int x, int y, int c) {
    return 0.1f + 0.012f * float(x + 32) + 0.008f * float(y + 32) + 0.2f * float(c);
}

float storedValue(Imf::PixelType type, double v) {
    if (type == Imf::HALF) return float(half(float(v)));
    if (type == Imf::UINT) return float(unsigned(v));
    return float(v);
}

void writeScanlineFile(const std::string& path, Imf::Header header,
                       const std::vector<TestChannel>& channels) {
    addChannels(header, channels);
    Imf::FrameBuffer frameBuffer;
    auto buffers = fill(header, channels, frameBuffer);
    Imf::OutputFile file(path.c_str(), header);
    file.setFrameBuffer(frameBuffer);
    file.writePixels(header.dataWindow().max.y - header.dataWindow().min.y + 1);
}

void writeMultiPartFile(const std::string& path, std::vector<TestPart> parts) {
    std::vector<Imf::Header> headers;
    for (auto& part : parts) {
        addChannels(part.header, part.channels);
        part.header.setType(part.header.hasTileDescription() ? Imf::TILEDIMAGE : Imf::SCANLINEIMAGE);
        headers.push_back(part.header);
    }
    Imf::MultiPartOutputFile file(path.c_str(), headers.data(), int(headers.size()));
    for (size_t i = 0; i < parts.size(); ++i) {
        Imf::FrameBuffer frameBuffer;
        auto buffers = fill(headers[i], parts[i].channels, frameBuffer);
        if (headers[i].hasTileDescription()) {
            Imf::TiledOutputPart part(file, int(i));
            part.setFrameBuffer(frameBuffer);
            part.writeTiles(0, part.numXTiles() - 1, 0, part.numYTiles() - 1);
        } else {
            Imf::OutputPart part(file, int(i));
            part.setFrameBuffer(frameBuffer);
            const auto& dw = headers[i].dataWindow();
            part.writePixels(dw.max.y - dw.min.y + 1);
        }
    }
}

void writeRgbaFile(const std::string& path, const Imath::Box2i& displayWindow,
                   const Imath::Box2i& dataWindow, Imf::RgbaChannels channels,
                   Imf::Compression compression, int tileSize,
                   const std::function<void(Imf::Header&)>& addAttributes) {
    const int w = dataWindow.max.x - dataWindow.min.x + 1;
    const int h = dataWindow.max.y - dataWindow.min.y + 1;
    std::vector<Imf::Rgba> pixels(size_t(w) * h);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const int px = x + dataWindow.min.x, py = y + dataWindow.min.y;
            pixels[size_t(y) * w + x] =
                Imf::Rgba(exactHalfValue(px, py, 0), exactHalfValue(px, py, 1),
                          exactHalfValue(px, py, 2), exactHalfValue(px, py, 3));
        }
    Imf::Header header(displayWindow, dataWindow);
    header.compression() = compression;
    if (addAttributes) addAttributes(header);
    // The RGBA interface wants the address of pixel (0, 0), which may lie outside the buffer.
    const Imf::Rgba* origin = pixels.data() - dataWindow.min.x - ptrdiff_t(dataWindow.min.y) * w;
    if (tileSize > 0) {
        Imf::TiledRgbaOutputFile file(path.c_str(), header, channels, tileSize, tileSize,
                                      Imf::ONE_LEVEL);
        file.setFrameBuffer(origin, 1, w);
        file.writeTiles(0, file.numXTiles() - 1, 0, file.numYTiles() - 1);
    } else {
        Imf::RgbaOutputFile file(path.c_str(), header, channels);
        file.setFrameBuffer(origin, 1, w);
        file.writePixels(h);
    }
}

void writeDeepFile(const std::string& path) {
    const int w = 4, h = 3;
    Imf::Header header(w, h);
    for (const char* name : {"R", "G", "B", "A", "Z"})
        header.channels().insert(name, Imf::Channel(Imf::FLOAT));
    header.setType(Imf::DEEPSCANLINE);
    header.compression() = Imf::ZIPS_COMPRESSION;
    std::vector<unsigned> counts(w * h, 1);
    std::vector<float> depths(w * h, 2.5f);
    std::vector<float*> pointers(w * h);
    for (int i = 0; i < w * h; ++i) pointers[i] = &depths[i];
    Imf::DeepFrameBuffer frameBuffer;
    frameBuffer.insertSampleCountSlice(Imf::Slice(Imf::UINT, (char*)counts.data(), sizeof(unsigned),
                                                  sizeof(unsigned) * w));
    for (const char* name : {"R", "G", "B", "A", "Z"})
        frameBuffer.insert(name, Imf::DeepSlice(Imf::FLOAT, (char*)pointers.data(), sizeof(float*),
                                                sizeof(float*) * w, sizeof(float)));
    Imf::DeepScanLineOutputFile file(path.c_str(), header);
    file.setFrameBuffer(frameBuffer);
    file.writePixels(h);
}

ReadBack readWithOpenExr(const std::string& path) {
    Imf::InputFile file(path.c_str());
    ReadBack result;
    result.header = file.header();
    const Imath::Box2i dw = file.header().dataWindow();
    result.width = dw.max.x - dw.min.x + 1;
    result.height = dw.max.y - dw.min.y + 1;
    Imf::FrameBuffer frameBuffer;
    for (auto it = file.header().channels().begin(); it != file.header().channels().end(); ++it) {
        auto& values = result.channels[it.name()];
        values.resize(size_t(result.width) * result.height);
        frameBuffer.insert(it.name(), Imf::Slice::Make(Imf::FLOAT, values.data(), dw, sizeof(float),
                                                       sizeof(float) * result.width));
    }
    file.setFrameBuffer(frameBuffer);
    file.readPixels(dw.min.y, dw.max.y);
    return result;
}

}  // namespace tinct::test
