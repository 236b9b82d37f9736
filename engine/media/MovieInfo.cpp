#include "engine/media/MovieInfo.h"

#include <filesystem>

extern "C" {
#include <libavutil/pixdesc.h>
}

#include "engine/Error.h"
#include "engine/media/LibavHandles.h"
#include "engine/media/MovieOpen.h"

namespace tinct {

namespace {

std::string orUnknown(const char* name) { return name ? name : "unknown"; }

std::string findTimecode(AVFormatContext& format, const AVStream& video) {
    // QuickTime keeps it in a tmcd track, MXF in the container; FFmpeg exposes both as metadata.
    if (auto* t = av_dict_get(video.metadata, "timecode", nullptr, 0)) return t->value;
    for (unsigned i = 0; i < format.nb_streams; ++i)
        if (auto* t = av_dict_get(format.streams[i]->metadata, "timecode", nullptr, 0)) return t->value;
    if (auto* t = av_dict_get(format.metadata, "timecode", nullptr, 0)) return t->value;
    return "";
}

int64_t countFrames(const AVFormatContext& format, const AVStream& video, AVRational rate) {
    if (video.nb_frames > 0) return video.nb_frames;
    if (video.duration > 0 && video.duration != AV_NOPTS_VALUE)
        return av_rescale_q_rnd(video.duration, video.time_base, av_inv_q(rate), AV_ROUND_NEAR_INF);
    if (format.duration > 0)
        return av_rescale_q_rnd(format.duration, AV_TIME_BASE_Q, av_inv_q(rate), AV_ROUND_NEAR_INF);
    return 0;
}

}  // namespace

MovieInfo describeMovie(AVFormatContext& format, const std::string& path) {
    MovieInfo info;
    info.path = path;
    info.container = format.iformat ? format.iformat->name : "unknown";
    info.videoStream = av_find_best_stream(&format, AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
    if (info.videoStream < 0) throw Error(path + ": no video stream");
    const AVStream& video = *format.streams[info.videoStream];
    const AVCodecParameters& par = *video.codecpar;
    const AVCodecDescriptor* codec = avcodec_descriptor_get(par.codec_id);
    info.codec = codec ? codec->name : "unknown";
    info.codecName = codec && codec->long_name ? codec->long_name : info.codec;
    if (const char* profile = avcodec_profile_name(par.codec_id, par.profile)) info.profile = profile;
    const auto pixelFormat = AVPixelFormat(par.format);
    info.pixelFormat = orUnknown(av_get_pix_fmt_name(pixelFormat));
    if (const AVPixFmtDescriptor* desc = av_pix_fmt_desc_get(pixelFormat)) {
        info.bitDepth = desc->comp[0].depth;
        info.alpha = desc->flags & AV_PIX_FMT_FLAG_ALPHA;
    }
    info.width = par.width;
    info.height = par.height;
    // As ffmpeg picks the rate it shows a clip at: the stream's base rate (r_frame_rate), unless it is
    // implausible for an average that is not (field-rate timestamps), or the codec states a lower one.
    info.frameRate = av_guess_frame_rate(&format, format.streams[info.videoStream], nullptr);
    if (info.frameRate.num <= 0) info.frameRate = video.avg_frame_rate;
    if (info.frameRate.num <= 0 || info.frameRate.den <= 0) throw Error(path + ": the video stream states no frame rate");
    av_reduce(&info.frameRate.num, &info.frameRate.den, info.frameRate.num, info.frameRate.den, INT32_MAX);
    info.timeBase = video.time_base;
    info.startPts = video.start_time == AV_NOPTS_VALUE ? 0 : video.start_time;
    info.frames = info.headerFrames = countFrames(format, video, info.frameRate);
    info.timecode = findTimecode(format, video);
    info.primariesTag = par.color_primaries;
    info.transferTag = par.color_trc;
    info.matrixTag = par.color_space;
    info.rangeTag = par.color_range;
    info.chromaTag = par.chroma_location;
    info.primaries = orUnknown(av_color_primaries_name(par.color_primaries));
    info.transfer = orUnknown(av_color_transfer_name(par.color_trc));
    info.matrix = orUnknown(av_color_space_name(par.color_space));
    info.range = orUnknown(av_color_range_name(par.color_range));
    info.chromaLocation = orUnknown(av_chroma_location_name(par.chroma_location));
    for (unsigned i = 0; i < format.nb_streams; ++i) {
        const AVCodecParameters& a = *format.streams[i]->codecpar;
        if (a.codec_type != AVMEDIA_TYPE_AUDIO) continue;
        AudioStreamInfo audio;
        audio.index = int(i);
        const AVCodecDescriptor* d = avcodec_descriptor_get(a.codec_id);
        audio.codec = d ? d->name : "unknown";
        audio.sampleFormat = orUnknown(av_get_sample_fmt_name(AVSampleFormat(a.format)));
        audio.sampleRate = a.sample_rate;
        audio.channels = a.ch_layout.nb_channels;
        char layout[128] = {};
        if (av_channel_layout_describe(&a.ch_layout, layout, sizeof layout) > 0) audio.channelLayout = layout;
        info.audio.push_back(audio);
    }
    return info;
}

MovieInfo probeMovie(const std::string& path) {
    InputFormat format = openMovie(path);
    return describeMovie(*format, path);
}

nlohmann::json MovieInfo::toJson() const {
    nlohmann::json audioJson = nlohmann::json::array();
    for (const auto& a : audio)
        audioJson.push_back({{"index", a.index}, {"codec", a.codec}, {"sample_rate", a.sampleRate},
                             {"channels", a.channels}, {"channel_layout", a.channelLayout}, {"sample_format", a.sampleFormat}});
    return {{"path", path},
            {"container", container},
            {"codec", codec},
            {"codec_name", codecName},
            {"profile", profile},
            {"pixel_format", pixelFormat},
            {"bit_depth", bitDepth},
            {"alpha", alpha},
            {"width", width},
            {"height", height},
            {"frame_rate", std::to_string(frameRate.num) + "/" + std::to_string(frameRate.den)},
            {"frame_rate_fps", av_q2d(frameRate)},
            {"frames", frames},
            {"header_frames", headerFrames},
            {"index", index.built ? nlohmann::json{{"pictures", index.pictures}, {"variable_rate", index.variableRate},
                                                   {"repeated_frames", index.repeatedFrames},
                                                   {"dropped_pictures", index.droppedPictures}}
                                  : nlohmann::json()},
            {"timecode", timecode.empty() ? nlohmann::json() : nlohmann::json(timecode)},
            {"color", {{"primaries", primaries}, {"transfer", transfer}, {"matrix", matrix}, {"range", range},
                       {"chroma_location", chromaLocation}}},
            {"audio", audioJson}};
}

std::string MovieInfo::toText() const {
    char rate[64];
    std::snprintf(rate, sizeof rate, "%d/%d (%.3f fps)", frameRate.num, frameRate.den, av_q2d(frameRate));
    std::string text = path + "\n";
    text += "  container " + container + ", video stream " + std::to_string(videoStream) + "\n";
    text += "  codec " + codec + " (" + codecName + ")" + (profile.empty() ? "" : ", profile " + profile) + "\n";
    text += "  " + std::to_string(width) + "x" + std::to_string(height) + ", " + pixelFormat + ", " +
            std::to_string(bitDepth) + "-bit" + (alpha ? ", alpha" : "") + "\n";
    text += "  frame rate " + std::string(rate) + ", " + std::to_string(frames) + " frames";
    if (index.built && headerFrames != frames) text += " (the headers say " + std::to_string(headerFrames) + ")";
    text += "\n";
    if (index.built) {
        text += "  " + std::to_string(index.pictures) + " pictures" + (index.variableRate ? ", variable frame rate" : ", constant frame rate");
        if (index.repeatedFrames) text += ", " + std::to_string(index.repeatedFrames) + " frame(s) repeat the picture before (gaps or dropped frames)";
        if (index.droppedPictures) text += ", " + std::to_string(index.droppedPictures) + " picture(s) fall between frames and are not shown";
        text += "\n";
    }
    text += "  start timecode " + (timecode.empty() ? std::string("none") : timecode) + "\n";
    text += "  colour: primaries " + primaries + ", transfer " + transfer + ", matrix " + matrix + ", range " + range +
            ", chroma " + chromaLocation + "\n";
    if (audio.empty()) text += "  no audio\n";
    for (const auto& a : audio)
        text += "  audio stream " + std::to_string(a.index) + ": " + a.codec + ", " + std::to_string(a.sampleRate) +
                " Hz, " + std::to_string(a.channels) + " channel(s)" + (a.channelLayout.empty() ? "" : " (" + a.channelLayout + ")") +
                ", " + a.sampleFormat + "\n";
    return text;
}

}  // namespace tinct
