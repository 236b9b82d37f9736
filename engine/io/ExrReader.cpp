#include "engine/io/ExrReader.h"

#include "engine/Error.h"
#include "engine/io/ExrAttributes.h"
#include "engine/io/ExrLayers.h"
#include "engine/io/ExrOpen.h"

#include <ImfFrameBuffer.h>
#include <ImfInputPart.h>

#include <array>

namespace tinct {
namespace {

PixelWindow toWindow(const Imath::Box2i& box) {
    return {box.min.x, box.min.y, box.max.x, box.max.y};
}

// Float is the widest in what it can express; uint is only wider than half.
PixelType widen(PixelType current, Imf::PixelType channel) {
    if (channel == Imf::FLOAT || current == PixelType::Float) return PixelType::Float;
    if (channel == Imf::UINT || current == PixelType::Uint) return PixelType::Uint;
    return PixelType::Half;
}

const Imf::Channel* findFullResolution(const Imf::ChannelList& channels, const std::string& name,
                                       const std::string& path) {
    const Imf::Channel* channel = channels.findChannel(name);
    if (channel && (channel->xSampling != 1 || channel->ySampling != 1))
        throw Error(path + ": channel '" + name +
                    "' is subsampled; Tinct reads only full-resolution channels");
    return channel;
}

// Which file channel feeds each of the frame's R, G, B, A; "" where the file has none.
std::array<std::string, 4> sourceChannels(const Imf::ChannelList& channels,
                                          const std::string& prefix, const std::string& path) {
    std::array<std::string, 4> names;
    const char* rgba[] = {"R", "G", "B", "A"};
    bool anyColour = false;
    for (int c = 0; c < 4; ++c)
        if (findFullResolution(channels, prefix + rgba[c], path)) {
            names[c] = prefix + rgba[c];
            anyColour |= c < 3;
        }
    if (!anyColour && findFullResolution(channels, prefix + "Y", path)) {
        // Reading Y alone from a luminance/chroma image would silently drop its colour.
        if (channels.findChannel(prefix + "RY") || channels.findChannel(prefix + "BY"))
            throw Error(path + ": luminance/chroma (Y, RY, BY) images are not supported");
        names[0] = prefix + "Y";
    }
    return names;
}

}  // namespace

Frame readExr(const std::string& path, const std::string& layer) {
    Frame frame;
    readExrInto(path, {layer, false}, frame);
    return frame;
}

void readExrInto(const std::string& path, const ExrReadOptions& options, Frame& frame) {
    auto file = openExrFile(path);
    try {
        const ExrLayerChoice choice = findExrLayer(*file, options.layer, path);
        const Imf::Header& header = file->header(choice.part);
        const Imath::Box2i& dw = header.dataWindow();

        frame.dataWindow = toWindow(dw);
        frame.displayWindow = toWindow(header.displayWindow());
        frame.width = frame.dataWindow.width();
        frame.height = frame.dataWindow.height();
        frame.attributes = std::make_shared<const ExrAttributes>(ExrAttributes{header});

        const auto names = sourceChannels(header.channels(), choice.prefix, path);
        const bool luminanceOnly = names[0] == choice.prefix + "Y";
        frame.hasAlpha = !names[3].empty();
        frame.sourcePixelType = PixelType::Half;
        for (const auto& name : names)
            if (!name.empty())
                frame.sourcePixelType = widen(frame.sourcePixelType, header.channels().findChannel(name)->type);

        // OpenEXR converts every channel type to the slice's type and scatters it straight into
        // the interleaved buffer; slices for absent channels are filled with their fill value, so
        // every value is written and the buffer needs no clearing first.
        const bool half = options.keepHalf && frame.sourcePixelType == PixelType::Half;
        frame.storage = half ? PixelStorage::Half : PixelStorage::Float;
        const size_t values = frame.pixelCount() * 4;
        if (half) frame.rgbaHalf.resize(values);
        else frame.rgba.resize(values);
        char* base = static_cast<char*>(frame.pixels());
        const size_t sampleSize = half ? 2 : 4;
        const size_t xStride = 4 * sampleSize;
        const size_t yStride = xStride * size_t(frame.width);
        Imf::FrameBuffer buffer;
        for (int c = 0; c < 4; ++c) {
            if (luminanceOnly && (c == 1 || c == 2)) continue;
            const std::string name = names[c].empty() ? choice.prefix + "RGBA"[c] : names[c];
            buffer.insert(name, Imf::Slice::Make(half ? Imf::HALF : Imf::FLOAT, base + c * sampleSize, dw, xStride,
                                                 yStride, 1, 1, c == 3 ? 1.0 : 0.0));
        }
        Imf::InputPart part(*file, choice.part);
        part.setFrameBuffer(buffer);
        part.readPixels(dw.min.y, dw.max.y);

        if (luminanceOnly && half)
            for (size_t i = 0; i < values; i += 4) frame.rgbaHalf[i + 1] = frame.rgbaHalf[i + 2] = frame.rgbaHalf[i];
        else if (luminanceOnly)
            for (size_t i = 0; i < values; i += 4) frame.rgba[i + 1] = frame.rgba[i + 2] = frame.rgba[i];
    } catch (...) {
        rethrowAsExrError(path, std::current_exception());
    }
}

}  // namespace tinct
