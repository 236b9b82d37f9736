#pragma once
// How a decoded or to-be-encoded picture's planes lie in one flat GPU buffer, and what its samples
// mean: the FFmpeg pixel format's components (plane, step, offset, shift, bit depth, byte order)
// and the stream's YUV matrix, range and chroma siting. The GPU kernels (YuvToRgb, RgbToYuv) read
// and write samples from this description, so any planar or packed 8 to 16-bit format needs no
// CPU conversion.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

extern "C" {
#include <libavutil/frame.h>
#include <libavutil/pixfmt.h>
}

namespace tinct {

enum class YuvMatrix { Bt601, Bt709, Bt2020 };
// Where the first chroma sample sits relative to the luma grid: left (MPEG-2, H.264, ProRes: co-sited
// horizontally, between rows vertically), center (JPEG, MPEG-1), top-left (co-sited both ways).
enum class ChromaSiting { Left, Center, TopLeft };

struct PlaneComponent {
    uint32_t plane = 0, step = 0, offset = 0, shift = 0, depth = 0;  // as AVComponentDescriptor
    bool wide = false;       // read as 16 bits (depth + shift > 8)
    bool bigEndian = false;
};

struct PlaneLayout {
    AVPixelFormat pixelFormat = AV_PIX_FMT_NONE;
    int width = 0, height = 0;
    int planeCount = 0;
    uint32_t planeOffset[4] = {}, rowBytes[4] = {}, planeRows[4] = {};
    size_t bytes = 0;  // of the whole buffer
    int components = 0;
    PlaneComponent comp[4];  // FFmpeg's order: Y, U, V, A or R, G, B, A (gray: Y, A)
    bool rgb = false, alpha = false;
    int log2ChromaWidth = 0, log2ChromaHeight = 0;
    YuvMatrix matrix = YuvMatrix::Bt709;
    bool fullRange = false;
    ChromaSiting siting = ChromaSiting::Left;

    std::string describe() const;  // "yuv422p10le, BT.709, video range, chroma left"
};

struct ColorSignal {
    AVColorSpace matrix = AVCOL_SPC_UNSPECIFIED;
    AVColorRange range = AVCOL_RANGE_UNSPECIFIED;
    AVChromaLocation siting = AVCHROMA_LOC_UNSPECIFIED;
};

// The layout of a width x height picture of `format`, rows padded so that every row starts on a
// 4-byte boundary and the luma width is a multiple of `padWidth` pixels (the encoder kernel writes
// groups of 8). Throws tinct::Error naming `path` for formats the kernels cannot read: bit-packed,
// paletted, float, Bayer, or with samples wider than 16 bits.
std::shared_ptr<PlaneLayout> planeLayoutFor(AVPixelFormat format, int width, int height, const ColorSignal& signal,
                                            const std::string& path, int padWidth = 1);

// Copies a decoded picture's planes into `out` as `layout` lays them out.
void packPlanes(const AVFrame& frame, const PlaneLayout& layout, std::vector<uint8_t>& out);

// Copies `data` (laid out as `layout`) into an encoder's picture, whose buffers are allocated.
void unpackPlanes(const uint8_t* data, const PlaneLayout& layout, AVFrame& frame);

// The YUV matrix a stream states, or the usual guess for an unstated one (BT.709 from 720 lines up,
// BT.601 below, as broadcast practice and most players do).
YuvMatrix matrixFor(AVColorSpace space, int height);

}  // namespace tinct
