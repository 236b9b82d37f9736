#pragma once
// What a movie or scan output is encoded as: codec, profile, pixel format, quality, colour tags,
// timecode and audio. Resolved from the command line's names before any frame is read, so a bad name
// fails at once.
#include <optional>
#include <string>
#include <utility>
#include <vector>

extern "C" {
#include <libavutil/pixfmt.h>
}

namespace tinct {

struct EncodeRequest {
    std::string codec;    // prores, dnxhr, h264, hevc, ffv1; "" for the container's default
    std::string profile;  // --prores-profile / --dnxhr-profile
    int crf = -1;         // h264/hevc quality; -1 for the encoder's default
    std::string tagPrimaries, tagTransfer, tagMatrix, tagRange;  // FFmpeg's names; "" to derive
    std::string timecode;  // "HH:MM:SS:FF" (';' for drop frame); "" for the source's
    bool audioCopy = false;
};

struct EncoderChoice {
    std::string encoder;  // FFmpeg encoder name
    std::string description;  // "ProRes 422 HQ (prores_ks), yuv422p10le"
    AVPixelFormat pixelFormat = AV_PIX_FMT_NONE;
    AVPixelFormat alphaPixelFormat = AV_PIX_FMT_NONE;  // used when the source has alpha
    std::vector<std::pair<std::string, std::string>> options;  // encoder private options
};

// The encoder for `path` (a movie or a DPX/TIFF/PNG sequence). Throws tinct::Error for unknown codecs
// or profiles, options that do not fit the output, and encoders this FFmpeg lacks.
EncoderChoice chooseEncoder(const std::string& path, const EncodeRequest& request);

struct ColorTags {
    AVColorPrimaries primaries = AVCOL_PRI_UNSPECIFIED;
    AVColorTransferCharacteristic transfer = AVCOL_TRC_UNSPECIFIED;
    AVColorSpace matrix = AVCOL_SPC_UNSPECIFIED;
    AVColorRange range = AVCOL_RANGE_UNSPECIFIED;
};

// Tags for an output colour space or display named by OCIO (Rec.709, Rec.2100-PQ, sRGB, P3, ...);
// unspecified where the name says nothing Tinct recognises.
ColorTags tagsForColorSpace(const std::string& name);

// `base` with the request's --tag-* flags applied; throws tinct::Error for unknown names (listing
// FFmpeg's names is left to its documentation: bt709, bt2020, smpte2084, arib-std-b67, tv, pc, ...).
ColorTags applyTagFlags(ColorTags base, const EncodeRequest& request);

}  // namespace tinct
