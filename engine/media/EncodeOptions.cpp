#include "engine/media/EncodeOptions.h"

#include <algorithm>
#include <map>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavutil/pixdesc.h>
}

#include "engine/Error.h"
#include "engine/media/MediaKind.h"
#include "engine/media/StillImage.h"

namespace tinct {

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

void requireEncoder(const std::string& name) {
    if (!avcodec_find_encoder_by_name(name.c_str()))
        throw Error("this FFmpeg has no " + name + " encoder");
}

EncoderChoice prores(const std::string& profile) {
    // prores_ks takes 10-bit input for every profile; 4444 and 4444 XQ code 4:4:4 with optional alpha.
    static const std::map<std::string, std::string> names = {{"proxy", "Proxy"}, {"lt", "LT"}, {"standard", "422"},
                                                            {"hq", "422 HQ"}, {"4444", "4444"}, {"4444xq", "4444 XQ"}};
    const std::string p = profile.empty() ? "hq" : lower(profile);
    if (!names.count(p)) throw Error("--prores-profile " + profile + ": use proxy, lt, standard, hq, 4444 or 4444xq");
    const bool is4444 = p.rfind("4444", 0) == 0;
    EncoderChoice c;
    c.encoder = "prores_ks";
    c.pixelFormat = is4444 ? AV_PIX_FMT_YUV444P10LE : AV_PIX_FMT_YUV422P10LE;
    c.alphaPixelFormat = is4444 ? AV_PIX_FMT_YUVA444P10LE : c.pixelFormat;
    c.options = {{"profile", p}, {"vendor", "apl0"}};
    if (is4444) c.options.push_back({"alpha_bits", "16"});
    c.description = "ProRes " + names.at(p) + " (prores_ks)";
    return c;
}

EncoderChoice dnxhr(const std::string& profile) {
    static const std::map<std::string, AVPixelFormat> formats = {{"lb", AV_PIX_FMT_YUV422P}, {"sq", AV_PIX_FMT_YUV422P},
                                                                {"hq", AV_PIX_FMT_YUV422P}, {"hqx", AV_PIX_FMT_YUV422P10LE},
                                                                {"444", AV_PIX_FMT_YUV444P10LE}};
    const std::string p = profile.empty() ? "hq" : lower(profile);
    if (!formats.count(p)) throw Error("--dnxhr-profile " + profile + ": use lb, sq, hq, hqx or 444");
    EncoderChoice c;
    c.encoder = "dnxhd";
    c.pixelFormat = c.alphaPixelFormat = formats.at(p);
    c.options = {{"profile", "dnxhr_" + p}};
    c.description = "DNxHR " + p + " (dnxhd)";
    return c;
}

}  // namespace

EncoderChoice chooseEncoder(const std::string& path, const EncodeRequest& request) {
    const MediaKind kind = mediaKindOf(path);
    const std::string ext = lower(path.substr(path.find_last_of('.') + 1));
    EncoderChoice c;
    if (kind == MediaKind::StillImage) {
        if (!request.codec.empty()) throw Error("--codec is for movies; " + path + " is written as its extension says");
        switch (stillImageCodec(path)) {
            case AV_CODEC_ID_DPX:  // 10-bit RGB, the scan format, log or linear as the colour pipeline leaves it
                c = {"dpx", "DPX 10-bit", AV_PIX_FMT_GBRP10LE, AV_PIX_FMT_GBRP10LE, {}};
                break;
            case AV_CODEC_ID_TIFF: c = {"tiff", "TIFF 16-bit", AV_PIX_FMT_RGB48LE, AV_PIX_FMT_RGBA64LE, {}}; break;
            default: c = {"png", "PNG 16-bit", AV_PIX_FMT_RGB48BE, AV_PIX_FMT_RGBA64BE, {}}; break;
        }
        requireEncoder(c.encoder);
        return c;
    }
    if (kind != MediaKind::Movie) throw Error(path + ": Tinct does not write ." + ext + " files");
    std::string codec = lower(request.codec);
    if (codec.empty()) codec = (ext == "mp4" || ext == "m4v") ? "h264" : ext == "mkv" ? "ffv1" : "prores";
    if (!request.profile.empty() && codec != "prores" && codec != "dnxhr")
        throw Error("a profile is for --codec prores or dnxhr, not " + codec);
    if (request.crf >= 0 && codec != "h264" && codec != "hevc") throw Error("--crf is for --codec h264 or hevc");
    if (codec == "prores") c = prores(request.profile);
    else if (codec == "dnxhr") c = dnxhr(request.profile);
    else if (codec == "h264") {
        c = {"libx264", "H.264 (libx264)", AV_PIX_FMT_YUV420P, AV_PIX_FMT_YUV420P, {}};
        if (request.crf >= 0) c.options.push_back({"crf", std::to_string(request.crf)});
    } else if (codec == "hevc") {  // 10-bit, as HDR needs
        c = {"libx265", "HEVC 10-bit (libx265)", AV_PIX_FMT_YUV420P10LE, AV_PIX_FMT_YUV420P10LE, {{"x265-params", "log-level=error"}}};
        if (request.crf >= 0) c.options.push_back({"crf", std::to_string(request.crf)});
    } else if (codec == "ffv1") {
        c = {"ffv1", "FFV1 10-bit 4:4:4 (lossless)", AV_PIX_FMT_YUV444P10LE, AV_PIX_FMT_YUVA444P10LE, {}};
    } else {
        throw Error("--codec " + request.codec + ": use prores, dnxhr, h264, hevc or ffv1");
    }
    if ((codec == "prores" || codec == "dnxhr") && ext == "mp4")
        throw Error(path + ": " + codec + " belongs in .mov (or .mxf), not .mp4");
    requireEncoder(c.encoder);
    c.description += std::string(", ") + av_get_pix_fmt_name(c.pixelFormat);
    return c;
}

ColorTags tagsForColorSpace(const std::string& name) {
    const std::string n = lower(name);
    auto has = [&](const char* s) { return n.find(s) != std::string::npos; };
    ColorTags t;
    // Primaries (and the matrix that goes with them), from the gamut the name states.
    if (has("2020") || has("2100")) {
        t.primaries = AVCOL_PRI_BT2020;
        t.matrix = AVCOL_SPC_BT2020_NCL;
    } else if (has("p3-d65") || has("p3 d65")) {
        t.primaries = AVCOL_PRI_SMPTE432;
        t.matrix = AVCOL_SPC_BT709;
    } else if (has("p3-dci") || has("p3 dci")) {
        t.primaries = AVCOL_PRI_SMPTE431;
        t.matrix = AVCOL_SPC_BT709;
    } else if (has("709") || has("srgb")) {
        t.primaries = AVCOL_PRI_BT709;
        t.matrix = AVCOL_SPC_BT709;
    }
    // Transfer, from the encoding the name states; P3's 2.6 gamma has no tag of its own.
    if (has("linear")) t.transfer = AVCOL_TRC_LINEAR;
    else if (has("pq") || has("2084")) t.transfer = AVCOL_TRC_SMPTE2084;
    else if (has("hlg")) t.transfer = AVCOL_TRC_ARIB_STD_B67;
    else if (has("srgb")) t.transfer = AVCOL_TRC_IEC61966_2_1;
    else if (has("1886") || has("709")) t.transfer = AVCOL_TRC_BT709;
    else if (t.primaries == AVCOL_PRI_BT2020) t.transfer = AVCOL_TRC_BT2020_10;
    return t;
}

ColorTags applyTagFlags(ColorTags t, const EncodeRequest& r) {
    auto bad = [](const std::string& flag, const std::string& value) {
        return Error("--tag-" + flag + " " + value + ": not a name FFmpeg knows (e.g. bt709, bt2020, smpte2084, tv, pc)");
    };
    if (!r.tagPrimaries.empty()) {
        const int v = av_color_primaries_from_name(r.tagPrimaries.c_str());
        if (v < 0) throw bad("primaries", r.tagPrimaries);
        t.primaries = AVColorPrimaries(v);
    }
    if (!r.tagTransfer.empty()) {
        const int v = av_color_transfer_from_name(r.tagTransfer.c_str());
        if (v < 0) throw bad("transfer", r.tagTransfer);
        t.transfer = AVColorTransferCharacteristic(v);
    }
    if (!r.tagMatrix.empty()) {
        const int v = av_color_space_from_name(r.tagMatrix.c_str());
        if (v < 0) throw bad("matrix", r.tagMatrix);
        t.matrix = AVColorSpace(v);
    }
    if (!r.tagRange.empty()) {
        const int v = av_color_range_from_name(r.tagRange.c_str());
        if (v < 0) throw bad("range", r.tagRange);
        t.range = AVColorRange(v);
    }
    return t;
}

}  // namespace tinct
