#include "engine/media/MovieDecoder.h"

#include "engine/Error.h"
#include "engine/media/LibavError.h"
#include "engine/media/MovieOpen.h"
#include "engine/media/PictureFrame.h"

namespace tinct {

MovieDecoder::MovieDecoder(const std::string& path) : path_(path), format_(openMovie(path)) {
    info_ = describeMovie(*format_, path);
    AVStream* stream = format_->streams[info_.videoStream];
    const AVCodec* codec = avcodec_find_decoder(stream->codecpar->codec_id);
    if (!codec) throw Error(path + ": no decoder for its " + info_.codec + " video");
    decoder_.reset(avcodec_alloc_context3(codec));
    checkLibav(avcodec_parameters_to_context(decoder_.get(), stream->codecpar), path, "cannot set up the decoder");
    decoder_->thread_count = 0;  // as many as FFmpeg sees fit
    decoder_->pkt_timebase = stream->time_base;
    checkLibav(avcodec_open2(decoder_.get(), codec, nullptr), path, "cannot open the " + info_.codec + " decoder");
    // Other streams (audio, timecode) are never demuxed for the picture.
    for (unsigned i = 0; i < format_->nb_streams; ++i)
        if (int(i) != info_.videoStream) format_->streams[i]->discard = AVDISCARD_ALL;
    streamTags_->colorspace = stream->codecpar->color_space;
    streamTags_->color_range = stream->codecpar->color_range;
    streamTags_->chroma_location = stream->codecpar->chroma_location;
}

void MovieDecoder::fail(int64_t number, const std::string& problem) const {
    throw Error(path_ + ": frame " + std::to_string(number) + " cannot be read: " + problem + "; last good frame " +
                (lastGood_ < 0 ? std::string("none") : std::to_string(lastGood_)) + " of " +
                std::to_string(info_.frames));
}

int64_t MovieDecoder::numberOf(const AVFrame& picture) const {
    int64_t pts = picture.best_effort_timestamp;
    if (pts == AV_NOPTS_VALUE) pts = picture.pts;
    if (pts == AV_NOPTS_VALUE) return current_ + 1;  // formats without timestamps count pictures
    return av_rescale_q_rnd(pts - info_.startPts, info_.timeBase, av_inv_q(info_.frameRate), AV_ROUND_NEAR_INF);
}

bool MovieDecoder::decodeNext() {
    for (;;) {
        const int got = avcodec_receive_frame(decoder_.get(), picture_.get());
        if (got == 0) {
            if (picture_->decode_error_flags || (picture_->flags & AV_FRAME_FLAG_CORRUPT))
                fail(current_ + 1, "the picture is damaged");
            return true;
        }
        if (got == AVERROR_EOF) return false;
        if (got != AVERROR(EAGAIN)) fail(current_ + 1, "decoding failed (" + libavErrorText(got) + ")");
        if (drained_) return false;
        const int read = av_read_frame(format_.get(), packet_.get());
        if (read == AVERROR_EOF) {
            drained_ = true;
            avcodec_send_packet(decoder_.get(), nullptr);  // flush the pictures the decoder holds
            continue;
        }
        if (read < 0) fail(current_ + 1, "reading failed (" + libavErrorText(read) + ")");
        if (packet_->stream_index == info_.videoStream) {
            if (packet_->flags & AV_PKT_FLAG_CORRUPT) {
                av_packet_unref(packet_.get());
                fail(current_ + 1, "the data is cut short or damaged");
            }
            const int sent = avcodec_send_packet(decoder_.get(), packet_.get());
            av_packet_unref(packet_.get());
            if (sent < 0 && sent != AVERROR(EAGAIN)) fail(current_ + 1, "decoding failed (" + libavErrorText(sent) + ")");
        } else {
            av_packet_unref(packet_.get());
        }
    }
}

void MovieDecoder::seekTo(int64_t number) {
    const int64_t target =
        info_.startPts + av_rescale_q_rnd(number, av_inv_q(info_.frameRate), info_.timeBase, AV_ROUND_NEAR_INF);
    checkLibav(av_seek_frame(format_.get(), info_.videoStream, target, AVSEEK_FLAG_BACKWARD), path_,
               "cannot seek to frame " + std::to_string(number));
    avcodec_flush_buffers(decoder_.get());
    drained_ = false;
    current_ = -1;
}

void MovieDecoder::read(int64_t number, Frame& frame) {
    if (number < 0 || (info_.frames > 0 && number >= info_.frames))
        throw Error(path_ + ": frame " + std::to_string(number) + " is outside the movie's 0-" +
                    std::to_string(info_.frames - 1));
    // Decode straight on to a frame a little ahead; anything else seeks (to the keyframe before it).
    if (current_ < 0 || number <= current_ || number > current_ + 16) seekTo(number);
    for (;;) {
        if (!decodeNext())
            fail(number, "the movie ends early (truncated?)");
        const int64_t n = numberOf(*picture_);
        current_ = n;
        if (n == number) break;
        if (n > number) fail(number, "the stream jumps from before it to frame " + std::to_string(n));
        av_frame_unref(picture_.get());
    }
    lastGood_ = std::max(lastGood_, number);
    frameFromPicture(*picture_, path_, frame, streamTags_.get());
    av_frame_unref(picture_.get());
}

}  // namespace tinct
