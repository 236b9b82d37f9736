#include "engine/io/ExrWriter.h"

#include "engine/Error.h"
#include "engine/io/AtomicOutput.h"
#include "engine/io/ExrAttributes.h"
#include "engine/io/ExrHeaderCopy.h"

#include <ImfChannelList.h>
#include <ImfFrameBuffer.h>
#include <ImfHeader.h>
#include <ImfOutputFile.h>
#include <ImfStdIO.h>
#include <ImfThreading.h>
#include <half.h>

#include <cerrno>
#include <cmath>
#include <fstream>
#include <system_error>
#include <vector>

namespace tinct {
namespace {

Imath::Box2i toBox(const PixelWindow& w) {
    return Imath::Box2i({w.xMin, w.yMin}, {w.xMax, w.yMax});
}

size_t storedValues(const Frame& frame) {
    return frame.storage == PixelStorage::Half ? frame.rgbaHalf.size() : frame.rgba.size();
}

void checkFrame(const std::string& path, const Frame& frame) {
    const bool consistent = frame.width > 0 && frame.height > 0 &&
                            frame.dataWindow.width() == frame.width &&
                            frame.dataWindow.height() == frame.height &&
                            storedValues(frame) == frame.pixelCount() * 4;
    if (!consistent)
        throw Error(path + ": cannot write a frame whose pixels do not match its data window (" +
                    std::to_string(frame.width) + "x" + std::to_string(frame.height) + ", " +
                    std::to_string(storedValues(frame)) + " values)");
}

Imf::Header makeHeader(const Frame& frame, const ExrWriteOptions& options) {
    // A generated frame may carry no display window; its data window is the honest default.
    const PixelWindow display =
        frame.displayWindow.width() > 0 && frame.displayWindow.height() > 0 ? frame.displayWindow
                                                                           : frame.dataWindow;
    Imf::Header header(toBox(display), toBox(frame.dataWindow));
    if (frame.attributes) copyDescriptiveAttributes(frame.attributes->header, header);
    header.compression() = toImfCompression(options.compression);
    const Imf::PixelType type = options.pixelType == PixelType::Float ? Imf::FLOAT : Imf::HALF;
    for (const char* name : {"R", "G", "B"}) header.channels().insert(name, Imf::Channel(type));
    if (frame.hasAlpha) header.channels().insert("A", Imf::Channel(type));
    return header;
}

// OpenEXR writes only from a buffer of the file's own channel type, so a half output needs the
// frame converted first. Finite values beyond the half range become the largest half rather
// than infinity: an output must not gain an Inf the grade did not produce.
std::vector<half> toHalf(const Frame& frame, int channels) {
    if (frame.storage == PixelStorage::Half) {  // already half: pick the channels written
        std::vector<half> halves(frame.pixelCount() * size_t(channels));
        for (size_t p = 0; p < frame.pixelCount(); ++p)
            for (int c = 0; c < channels; ++c) halves[p * channels + c].setBits(frame.rgbaHalf[p * 4 + c]);
        return halves;
    }
    std::vector<half> halves(frame.pixelCount() * size_t(channels));
    for (size_t p = 0; p < frame.pixelCount(); ++p)
        for (int c = 0; c < channels; ++c) {
            const float v = frame.rgba[p * 4 + c];
            const bool overflows = std::isfinite(v) && std::fabs(v) > float(HALF_MAX);
            halves[p * channels + c] = half(overflows ? std::copysign(float(HALF_MAX), v) : v);
        }
    return halves;
}

void writePixels(std::ofstream& stream, const std::string& tempPath, const Frame& frame,
                 const Imf::Header& header, PixelType type) {
    const int channels = frame.hasAlpha ? 4 : 3;
    std::vector<half> halves;
    std::vector<float> floats;
    const char* base = reinterpret_cast<const char*>(frame.rgba.data());
    size_t sampleSize = sizeof(float), xStride = 4 * sizeof(float);
    if (type == PixelType::Half && frame.storage == PixelStorage::Half) {
        // Half pixels from the GPU are written as they are: the kernel already made them finite.
        base = reinterpret_cast<const char*>(frame.rgbaHalf.data());
        sampleSize = sizeof(half);
        xStride = 4 * sizeof(half);
    } else if (type == PixelType::Float && frame.storage == PixelStorage::Half) {
        floats.resize(frame.rgbaHalf.size());
        for (size_t i = 0; i < floats.size(); ++i) {
            half h;
            h.setBits(frame.rgbaHalf[i]);
            floats[i] = float(h);
        }
        base = reinterpret_cast<const char*>(floats.data());
    } else if (type == PixelType::Half) {
        halves = toHalf(frame, channels);
        base = reinterpret_cast<const char*>(halves.data());
        sampleSize = sizeof(half);
        xStride = channels * sizeof(half);
    }
    const Imf::PixelType imfType = type == PixelType::Half ? Imf::HALF : Imf::FLOAT;
    Imf::FrameBuffer buffer;
    for (int c = 0; c < channels; ++c)
        buffer.insert(std::string(1, "RGBA"[c]),
                      Imf::Slice::Make(imfType, base + c * sampleSize, header.dataWindow(), xStride,
                                       xStride * size_t(frame.width)));
    Imf::StdOFStream exrStream(stream, tempPath.c_str());
    Imf::OutputFile file(exrStream, header, Imf::globalThreadCount());
    file.setFrameBuffer(buffer);
    file.writePixels(frame.height);
    // ~OutputFile writes the line offset table and swallows any error doing so; the caller
    // checks the stream afterwards to catch that.
}

}  // namespace

void writeExr(const std::string& path, const Frame& frame, const ExrWriteOptions& options) {
    if (options.pixelType == PixelType::Uint)
        throw Error(path + ": EXR output must be half or float; uint output is not offered");
    checkFrame(path, frame);
    AtomicOutput output(path);
    try {
        const Imf::Header header = makeHeader(frame, options);
        std::ofstream stream(output.tempPath(), std::ios::binary | std::ios::trunc);
        if (!stream)
            throw Error(path + ": cannot create " + output.tempPath().string() + ": " +
                        std::generic_category().message(errno));
        writePixels(stream, output.tempPath().string(), frame, header, options.pixelType);
        stream.close();
        if (stream.fail()) throw Error(path + ": writing failed (disk full?)");
    } catch (const Error&) {
        throw;
    } catch (const std::exception& e) {
        throw Error(path + ": cannot write EXR: " + e.what());
    }
    output.commit();
}

}  // namespace tinct
