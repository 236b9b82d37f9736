#include "engine/media/MovieEncoder.h"

extern "C" {
#include <libavutil/opt.h>
#include <libavutil/pixdesc.h>
}

#include "engine/Error.h"
#include "engine/media/LibavError.h"
#include "engine/media/MovieOpen.h"
#include "engine/media/PlaneLayout.h"

namespace tinct {

MovieEncoder::MovieEncoder(const MovieOutput& output, int width, int height) : output_(output), file_(output.path) {
    quietLibavLogs();
    const std::string& path = output_.path;
    const std::string temp = file_.tempPath().string();
    // The container is chosen from the final name: the temporary keeps the extension, but say so anyway.
    checkLibav(avformat_alloc_output_context2(&muxer_, nullptr, nullptr, path.c_str()), path, "cannot choose a container");
    const AVCodec* codec = avcodec_find_encoder_by_name(output_.encoder.encoder.c_str());
    if (!codec) throw Error(path + ": this FFmpeg has no " + output_.encoder.encoder + " encoder");
    encoder_.reset(avcodec_alloc_context3(codec));
    AVCodecContext& e = *encoder_;
    e.width = width;
    e.height = height;
    e.pix_fmt = output_.pixelFormat;
    e.time_base = av_inv_q(output_.frameRate);
    e.framerate = output_.frameRate;
    e.sample_aspect_ratio = {1, 1};
    e.color_primaries = output_.tags.primaries;
    e.color_trc = output_.tags.transfer;
    e.colorspace = output_.tags.matrix;
    e.color_range = output_.tags.range;
    // The GPU pass filters chroma for co-sited (left) samples.
    const AVPixFmtDescriptor* desc = av_pix_fmt_desc_get(e.pix_fmt);
    if (desc->log2_chroma_w) e.chroma_sample_location = AVCHROMA_LOC_LEFT;
    e.thread_count = 0;
    if (muxer_->oformat->flags & AVFMT_GLOBALHEADER) e.flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    AVDictionary* options = nullptr;
    for (const auto& [k, v] : output_.encoder.options) av_dict_set(&options, k.c_str(), v.c_str(), 0);
    const int opened = avcodec_open2(&e, codec, &options);
    av_dict_free(&options);
    checkLibav(opened, path, "the " + output_.encoder.encoder + " encoder refuses these settings");

    video_ = avformat_new_stream(muxer_, nullptr);
    checkLibav(avcodec_parameters_from_context(video_->codecpar, &e), path, "cannot set up the video stream");
    video_->time_base = e.time_base;
    video_->avg_frame_rate = output_.frameRate;
    if (!output_.timecode.empty()) av_dict_set(&video_->metadata, "timecode", output_.timecode.c_str(), 0);

    if (!output_.audioSource.empty()) {
        audioIn_ = openMovie(output_.audioSource);
        audioMap_.assign(audioIn_->nb_streams, -1);
        for (unsigned i = 0; i < audioIn_->nb_streams; ++i) {
            AVStream* in = audioIn_->streams[i];
            if (in->codecpar->codec_type != AVMEDIA_TYPE_AUDIO) {
                in->discard = AVDISCARD_ALL;
                continue;
            }
            AVStream* out = avformat_new_stream(muxer_, nullptr);
            checkLibav(avcodec_parameters_copy(out->codecpar, in->codecpar), path, "cannot copy an audio stream");
            out->codecpar->codec_tag = 0;
            out->time_base = in->time_base;
            audioMap_[i] = out->index;
        }
        if (output_.audioStart > 0)
            av_seek_frame(audioIn_.get(), -1, int64_t(output_.audioStart * AV_TIME_BASE), AVSEEK_FLAG_BACKWARD);
    }

    if (!(muxer_->oformat->flags & AVFMT_NOFILE))
        checkLibav(avio_open(&muxer_->pb, temp.c_str(), AVIO_FLAG_WRITE), path, "cannot create the file");
    AVDictionary* muxOptions = nullptr;
    av_dict_set(&muxOptions, "movflags", "+write_colr", 0);  // QuickTime colour tags (colr atom)
    const int header = avformat_write_header(muxer_, &muxOptions);
    av_dict_free(&muxOptions);
    checkLibav(header, path, "cannot write the movie header");
    headerWritten_ = true;

    picture_->format = e.pix_fmt;
    picture_->width = width;
    picture_->height = height;
    checkLibav(av_frame_get_buffer(picture_.get(), 0), path, "out of memory");
}

MovieEncoder::~MovieEncoder() {
    if (muxer_) {
        if (muxer_->pb && !(muxer_->oformat->flags & AVFMT_NOFILE)) avio_closep(&muxer_->pb);
        avformat_free_context(muxer_);
    }
}

void MovieEncoder::write(const Frame& frame) {
    if (frame.storage != PixelStorage::Planes || !frame.planeLayout)
        throw Error("internal error: a movie frame must come as planes");
    checkLibav(av_frame_make_writable(picture_.get()), output_.path, "out of memory");
    unpackPlanes(frame.planes.data(), *frame.planeLayout, *picture_);
    picture_->pts = next_++;
    picture_->color_primaries = encoder_->color_primaries;
    picture_->color_trc = encoder_->color_trc;
    picture_->colorspace = encoder_->colorspace;
    picture_->color_range = encoder_->color_range;
    checkLibav(avcodec_send_frame(encoder_.get(), picture_.get()), output_.path, "encoding failed");
    drainPackets(false);
    copyAudioUntil(output_.audioStart + double(next_) / av_q2d(output_.frameRate));
}

void MovieEncoder::drainPackets(bool flushing) {
    for (;;) {
        const int got = avcodec_receive_packet(encoder_.get(), packet_.get());
        if (got == AVERROR(EAGAIN) || got == AVERROR_EOF) return;
        checkLibav(got, output_.path, "encoding failed");
        av_packet_rescale_ts(packet_.get(), encoder_->time_base, video_->time_base);
        packet_->stream_index = video_->index;
        checkLibav(av_interleaved_write_frame(muxer_, packet_.get()), output_.path, "cannot write (disk full?)");
    }
}

void MovieEncoder::copyAudioUntil(double seconds) {
    if (!audioIn_ || audioDone_) return;
    AvPacket packet = makeAvPacket();
    for (;;) {
        const int read = av_read_frame(audioIn_.get(), packet.get());
        if (read < 0) {
            audioDone_ = true;
            return;
        }
        const int out = audioMap_[packet->stream_index];
        if (out < 0) {
            av_packet_unref(packet.get());
            continue;
        }
        const AVStream* in = audioIn_->streams[packet->stream_index];
        const double at = packet->pts == AV_NOPTS_VALUE ? 0.0 : double(packet->pts) * av_q2d(in->time_base);
        const bool keep = output_.audioWhole || (at >= output_.audioStart - 1e-9 && at < output_.audioEnd - 1e-9);
        if (keep) {
            if (!output_.audioWhole) {  // the span starts at the output's zero
                const int64_t shift = av_rescale_q(int64_t(output_.audioStart * AV_TIME_BASE), AV_TIME_BASE_Q, in->time_base);
                if (packet->pts != AV_NOPTS_VALUE) packet->pts -= shift;
                if (packet->dts != AV_NOPTS_VALUE) packet->dts -= shift;
            }
            av_packet_rescale_ts(packet.get(), in->time_base, muxer_->streams[out]->time_base);
            packet->stream_index = out;
            packet->pos = -1;
            checkLibav(av_interleaved_write_frame(muxer_, packet.get()), output_.path, "cannot write audio");
        } else {
            av_packet_unref(packet.get());
        }
        // Audio is interleaved with the video as it goes, so the muxer never holds much of either.
        if (at >= seconds) return;
    }
}

void MovieEncoder::finish() {
    checkLibav(avcodec_send_frame(encoder_.get(), nullptr), output_.path, "encoding failed");
    drainPackets(true);
    copyAudioUntil(1e300);
    checkLibav(av_write_trailer(muxer_), output_.path, "cannot finish the movie");
    if (!(muxer_->oformat->flags & AVFMT_NOFILE)) checkLibav(avio_closep(&muxer_->pb), output_.path, "cannot close the file");
    file_.commit();
}

}  // namespace tinct
