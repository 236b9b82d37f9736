#include "engine/media/MovieDecoder.h"

#include "engine/Error.h"
#include "engine/media/LibavError.h"
#include "engine/media/MovieOpen.h"
#include "engine/media/PictureFrame.h"

namespace tinct {

namespace {

// Enough for a window of five neighbours at UHD and for a GOP's worth of SD or HD pictures.
constexpr size_t kCacheBytes = size_t(256) << 20;
constexpr size_t kCacheMinPictures = 6;
// A picture this far ahead of the last one decoded is reached by decoding on rather than seeking.
constexpr int64_t kDecodeOnLimit = 16;

}  // namespace

MovieDecoder::MovieDecoder(const std::string& path) : path_(path), format_(openMovie(path)) {
    info_ = describeMovie(*format_, path);
    AVStream* stream = format_->streams[info_.videoStream];
    const AVCodec* codec = avcodec_find_decoder(stream->codecpar->codec_id);
    if (!codec) throw Error(path + ": no decoder for its " + info_.codec + " video");
    index_ = indexMovie(*format_, info_.videoStream, info_.frameRate, path);
    info_.frames = int64_t(index_.frames.size());
    info_.index.built = true;
    info_.index.pictures = int64_t(index_.pictures.size());
    info_.index.variableRate = index_.variableRate;
    info_.index.repeatedFrames = index_.repeatedFrames;
    info_.index.droppedPictures = index_.droppedPictures;
    decoder_.reset(avcodec_alloc_context3(codec));
    checkLibav(avcodec_parameters_to_context(decoder_.get(), stream->codecpar), path, "cannot set up the decoder");
    decoder_->thread_count = 0;  // as many as FFmpeg sees fit
    // A damaged picture is an error, not something to conceal. Intra-only decoders and FFV1 (whose
    // slices carry checksums) report every error they find; long-GOP ones would also fail on the
    // references missing right after a seek, so they only flag the pictures they had to conceal.
    decoder_->err_recognition |= AV_EF_CRCCHECK;
    const AVCodecDescriptor* d = avcodec_descriptor_get(stream->codecpar->codec_id);
    if ((d && (d->props & AV_CODEC_PROP_INTRA_ONLY)) || stream->codecpar->codec_id == AV_CODEC_ID_FFV1)
        decoder_->err_recognition |= AV_EF_EXPLODE;
    decoder_->pkt_timebase = stream->time_base;
    checkLibav(avcodec_open2(decoder_.get(), codec, nullptr), path, "cannot open the " + info_.codec + " decoder");
    // Other streams (audio, timecode) are never demuxed for the picture.
    for (unsigned i = 0; i < format_->nb_streams; ++i)
        if (int(i) != info_.videoStream) format_->streams[i]->discard = AVDISCARD_ALL;
    streamTags_->colorspace = stream->codecpar->color_space;
    streamTags_->color_range = stream->codecpar->color_range;
    streamTags_->chroma_location = stream->codecpar->chroma_location;
}

bool MovieDecoder::decodeNext() {
    for (;;) {
        const int got = avcodec_receive_frame(decoder_.get(), picture_.get());
        if (got == 0) {
            ++decoded_;
            return true;
        }
        if (got == AVERROR_EOF) return false;
        if (got != AVERROR(EAGAIN)) throw PictureUnreadable{"decoding failed (" + libavErrorText(got) + ")"};
        if (drained_) return false;
        const int read = av_read_frame(format_.get(), packet_.get());
        if (read == AVERROR_EOF) {
            drained_ = true;
            avcodec_send_packet(decoder_.get(), nullptr);  // flush the pictures the decoder holds
            continue;
        }
        if (read < 0) throw PictureUnreadable{"reading failed (" + libavErrorText(read) + ")"};
        if (packet_->stream_index != info_.videoStream) {
            av_packet_unref(packet_.get());
            continue;
        }
        if (landingDts_ != AV_NOPTS_VALUE) {  // the first packet after a seek says where the demuxer landed
            landedLate_ = packet_->dts != AV_NOPTS_VALUE && packet_->dts > landingDts_;
            landingDts_ = AV_NOPTS_VALUE;
        }
        if (packet_->flags & AV_PKT_FLAG_CORRUPT) {
            av_packet_unref(packet_.get());
            throw PictureUnreadable{"the data is cut short or damaged"};
        }
        if (packet_->dts != AV_NOPTS_VALUE) {
            fedDuration_ = std::max<int64_t>(packet_->duration, 1);
            nextDts_ = packet_->dts + fedDuration_;
        }
        const int sent = avcodec_send_packet(decoder_.get(), packet_.get());
        av_packet_unref(packet_.get());
        if (sent < 0 && sent != AVERROR(EAGAIN)) throw PictureUnreadable{"decoding failed (" + libavErrorText(sent) + ")"};
    }
}

void MovieDecoder::seekTo(size_t keyframe) {
    const IndexedKeyframe& k = index_.keyframes[keyframe];
    const int64_t target = k.dts != AV_NOPTS_VALUE ? k.dts : k.pts;
    if (av_seek_frame(format_.get(), info_.videoStream, target, AVSEEK_FLAG_BACKWARD) < 0)
        checkLibav(avformat_seek_file(format_.get(), -1, INT64_MIN, INT64_MIN, INT64_MIN, 0), path_,
                   "cannot seek to the start");  // a stream without a seek index: decode from its start
    avcodec_flush_buffers(decoder_.get());
    drained_ = false;
    last_ = -1;
    landingDts_ = k.dts;
    landedLate_ = false;
    nextDts_ = AV_NOPTS_VALUE;
}

const Frame* MovieDecoder::cached(size_t picture) {
    const auto at = byPicture_.find(picture);
    if (at == byPicture_.end()) return nullptr;
    recent_.splice(recent_.begin(), recent_, at->second);
    return &at->second->second;
}

void MovieDecoder::keep(size_t picture) {
    recent_.emplace_front(picture, Frame{});
    frameFromPicture(*picture_, path_, recent_.front().second, streamTags_.get());
    byPicture_[picture] = recent_.begin();
    cachedBytes_ += recent_.front().second.planes.size();
    while (recent_.size() > kCacheMinPictures && cachedBytes_ > kCacheBytes) {
        cachedBytes_ -= recent_.back().second.planes.size();
        byPicture_.erase(recent_.back().first);
        recent_.pop_back();
    }
}

void MovieDecoder::read(size_t picture, Frame& frame) {
    if (picture >= index_.pictures.size()) throw PictureUnreadable{"the index has no such picture"};
    if (const Frame* kept = cached(picture)) {
        frame = *kept;
        return;
    }
    const auto& pictures = index_.pictures;
    const bool decodeOn = last_ >= 0 && int64_t(picture) > last_ &&
                          (pictures[picture].keyframe == pictures[size_t(last_)].keyframe || int64_t(picture) - last_ <= kDecodeOnLimit);
    size_t keyframe = pictures[picture].keyframe;
    if (!decodeOn) seekTo(keyframe);
    for (;;) {
        if (!decodeNext()) throw PictureUnreadable{"the movie ends before it (cut short?)"};
        if (landedLate_ && keyframe > 0) {  // the demuxer's seek fell after the keyframe: start one earlier
            seekTo(--keyframe);
            continue;
        }
        int64_t stamp = picture_->best_effort_timestamp;
        // Pictures flushed at the end carry no timestamp of their own; ffmpeg gives each the dts that
        // would have come next, as the index does.
        if (stamp == AV_NOPTS_VALUE && drained_ && nextDts_ != AV_NOPTS_VALUE) {
            stamp = nextDts_;
            nextDts_ += fedDuration_;
        }
        const std::optional<size_t> seen = stamp == AV_NOPTS_VALUE ? std::nullopt : index_.pictureAt(stamp);
        const bool damaged = picture_->decode_error_flags || (picture_->flags & AV_FRAME_FLAG_CORRUPT);
        if (!seen) {  // a picture the index does not show (a leading picture right after a seek)
            av_frame_unref(picture_.get());
            continue;
        }
        last_ = int64_t(*seen);
        if (damaged) {
            av_frame_unref(picture_.get());
            if (*seen == picture) throw PictureUnreadable{"the picture is damaged"};
            continue;  // broken references before the picture asked for, from starting mid-stream
        }
        if (*seen > picture) {
            av_frame_unref(picture_.get());
            // Decoding from this keyframe skipped the picture (it leads a GOP): start a GOP earlier, once.
            if (keyframe > 0 && keyframe == pictures[picture].keyframe) {
                seekTo(--keyframe);
                continue;
            }
            throw PictureUnreadable{"the decoder gives no picture for it"};
        }
        keep(*seen);
        av_frame_unref(picture_.get());
        if (*seen == picture) break;
    }
    frame = *cached(picture);
}

}  // namespace tinct
