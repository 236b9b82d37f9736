#include "engine/media/PlaneLayout.h"

#include <algorithm>
#include <cstring>

extern "C" {
#include <libavutil/imgutils.h>
#include <libavutil/pixdesc.h>
}

#include "engine/Error.h"

namespace tinct {

namespace {

uint32_t align4(uint32_t n) { return (n + 3u) & ~3u; }

const char* matrixName(YuvMatrix m) {
    switch (m) {
        case YuvMatrix::Bt601: return "BT.601";
        case YuvMatrix::Bt709: return "BT.709";
        case YuvMatrix::Bt2020: return "BT.2020 NCL";
    }
    return "?";
}

}  // namespace

std::string PlaneLayout::describe() const {
    std::string text = av_get_pix_fmt_name(pixelFormat);
    if (rgb) return text + ", RGB";
    text += std::string(", ") + matrixName(matrix) + (fullRange ? ", full range" : ", video range");
    if (log2ChromaWidth || log2ChromaHeight)
        text += siting == ChromaSiting::Left ? ", chroma left" : siting == ChromaSiting::Center ? ", chroma center" : ", chroma top-left";
    return text;
}

YuvMatrix matrixFor(AVColorSpace space, int height) {
    switch (space) {
        case AVCOL_SPC_BT709: return YuvMatrix::Bt709;
        case AVCOL_SPC_BT470BG:
        case AVCOL_SPC_SMPTE170M:
        case AVCOL_SPC_FCC: return YuvMatrix::Bt601;
        case AVCOL_SPC_BT2020_NCL: return YuvMatrix::Bt2020;
        default: return height >= 720 ? YuvMatrix::Bt709 : YuvMatrix::Bt601;
    }
}

std::shared_ptr<PlaneLayout> planeLayoutFor(AVPixelFormat format, int width, int height, const ColorSignal& signal,
                                            const std::string& path, int padWidth) {
    const AVPixFmtDescriptor* desc = av_pix_fmt_desc_get(format);
    if (!desc) throw Error(path + ": unknown pixel format");
    const std::string name = desc->name;
    const uint64_t unsupported = AV_PIX_FMT_FLAG_BITSTREAM | AV_PIX_FMT_FLAG_PAL | AV_PIX_FMT_FLAG_HWACCEL |
                                 AV_PIX_FMT_FLAG_FLOAT | AV_PIX_FMT_FLAG_BAYER;
    if ((desc->flags & unsupported) || name.rfind("xyz", 0) == 0)
        throw Error(path + ": pixel format " + name + " is not supported (bit-packed, paletted, float, Bayer or XYZ)");
    if (width <= 0 || height <= 0) throw Error(path + ": invalid picture size " + std::to_string(width) + "x" + std::to_string(height));

    auto layout = std::make_shared<PlaneLayout>();
    PlaneLayout& l = *layout;
    l.pixelFormat = format;
    l.width = width;
    l.height = height;
    l.components = desc->nb_components;
    l.rgb = desc->flags & AV_PIX_FMT_FLAG_RGB;
    l.alpha = desc->flags & AV_PIX_FMT_FLAG_ALPHA;
    l.log2ChromaWidth = desc->log2_chroma_w;
    l.log2ChromaHeight = desc->log2_chroma_h;
    for (int c = 0; c < l.components; ++c) {
        const AVComponentDescriptor& d = desc->comp[c];
        if (d.depth + d.shift > 16)
            throw Error(path + ": pixel format " + name + " has samples wider than 16 bits; not supported");
        l.comp[c] = {uint32_t(d.plane), uint32_t(d.step), uint32_t(d.offset), uint32_t(d.shift), uint32_t(d.depth),
                     d.depth + d.shift > 8, bool(desc->flags & AV_PIX_FMT_FLAG_BE)};
    }
    l.planeCount = av_pix_fmt_count_planes(format);
    const int paddedWidth = (width + padWidth - 1) / padWidth * padWidth;
    size_t offset = 0;
    for (int p = 0; p < l.planeCount; ++p) {
        const int lineBytes = av_image_get_linesize(format, paddedWidth, p);
        if (lineBytes <= 0) throw Error(path + ": cannot lay out pixel format " + name);
        l.rowBytes[p] = align4(uint32_t(lineBytes));
        // As FFmpeg's own image layout: planes 1 and 2 carry the (possibly subsampled) chroma.
        l.planeRows[p] = (p == 1 || p == 2) ? uint32_t(-((-height) >> l.log2ChromaHeight)) : uint32_t(height);
        l.planeOffset[p] = uint32_t(offset);
        offset += size_t(l.rowBytes[p]) * l.planeRows[p];
    }
    if (offset > UINT32_MAX) throw Error(path + ": a " + std::to_string(width) + "x" + std::to_string(height) + " picture is too large");
    l.bytes = offset;

    l.matrix = matrixFor(signal.matrix, height);
    if (signal.matrix == AVCOL_SPC_BT2020_CL)
        throw Error(path + ": BT.2020 constant-luminance YUV is not supported");
    // yuvj formats are FFmpeg's old way of saying full range.
    l.fullRange = signal.range == AVCOL_RANGE_JPEG || name.rfind("yuvj", 0) == 0;
    l.siting = signal.siting == AVCHROMA_LOC_CENTER ? ChromaSiting::Center
               : signal.siting == AVCHROMA_LOC_TOPLEFT ? ChromaSiting::TopLeft
                                                       : ChromaSiting::Left;
    return layout;
}

void packPlanes(const AVFrame& frame, const PlaneLayout& layout, std::vector<uint8_t>& out) {
    out.resize(layout.bytes);
    for (int p = 0; p < layout.planeCount; ++p) {
        const size_t lineBytes = size_t(av_image_get_linesize(layout.pixelFormat, layout.width, p));
        const size_t copy = std::min<size_t>(lineBytes, std::min<size_t>(layout.rowBytes[p], size_t(std::abs(frame.linesize[p]))));
        for (uint32_t y = 0; y < layout.planeRows[p]; ++y)
            std::memcpy(out.data() + layout.planeOffset[p] + size_t(y) * layout.rowBytes[p],
                        frame.data[p] + ptrdiff_t(y) * frame.linesize[p], copy);
    }
}

void unpackPlanes(const uint8_t* data, const PlaneLayout& layout, AVFrame& frame) {
    for (int p = 0; p < layout.planeCount; ++p) {
        const size_t lineBytes = size_t(av_image_get_linesize(layout.pixelFormat, layout.width, p));
        for (uint32_t y = 0; y < layout.planeRows[p]; ++y)
            std::memcpy(frame.data[p] + ptrdiff_t(y) * frame.linesize[p],
                        data + layout.planeOffset[p] + size_t(y) * layout.rowBytes[p], lineBytes);
    }
}

}  // namespace tinct
