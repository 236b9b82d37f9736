#include "engine/media/MediaWriter.h"

extern "C" {
#include <libavutil/pixdesc.h>
#include <libavutil/timecode.h>
}

#include <cstdio>

#include "engine/Error.h"
#include "engine/media/MediaKind.h"
#include "engine/media/RgbToYuv.h"
#include "engine/media/StillImage.h"

namespace tinct {

namespace {

// The timecode of `offset` frames after `start` at `rate`; throws for a malformed one.
std::string timecodeAfter(const std::string& start, AVRational rate, int64_t offset, const std::string& what) {
    // libavutil takes 25:99:00:00 at face value; a timecode track must hold a real time of day.
    int h = -1, m = -1, s = -1, f = -1;
    char separator = 0;
    const bool parsed = std::sscanf(start.c_str(), "%d:%d:%d%c%d", &h, &m, &s, &separator, &f) == 5 &&
                        (separator == ':' || separator == ';');
    const int framesPerSecond = (rate.num + rate.den - 1) / rate.den;
    AVTimecode tc;
    if (!parsed || h < 0 || h > 23 || m < 0 || m > 59 || s < 0 || s > 59 || f < 0 || f >= framesPerSecond ||
        av_timecode_init_from_string(&tc, rate, start.c_str(), nullptr) < 0)
        throw Error(what + " " + start + ": not a timecode HH:MM:SS:FF for " + std::to_string(rate.num) + "/" +
                    std::to_string(rate.den) + " fps");
    char text[AV_TIMECODE_STR_SIZE];
    return av_timecode_make_string(&tc, text, int(offset));
}

std::string tagText(const ColorTags& t) {
    auto name = [](const char* n) { return std::string(n ? n : "unknown"); };
    return name(av_color_primaries_name(t.primaries)) + "/" + name(av_color_transfer_name(t.transfer)) + "/" +
           name(av_color_space_name(t.matrix)) + "/" + name(av_color_range_name(t.range));
}

}  // namespace

MediaWriter::MediaWriter(MediaWriterSettings settings) : settings_(std::move(settings)) {
    movie_ = mediaKindOf(settings_.output) == MediaKind::Movie;
    choice_ = chooseEncoder(settings_.output, settings_.request);
    ColorTags tags = settings_.tags;
    // Unconverted footage keeps the source movie's tags: its pixels still mean what they meant.
    if (settings_.sourceMovie && !settings_.colourConverted) {
        tags.primaries = settings_.sourceMovie->primariesTag;
        tags.transfer = settings_.sourceMovie->transferTag;
        tags.matrix = settings_.sourceMovie->matrixTag;
    }
    tags_ = applyTagFlags(tags, settings_.request);
    const bool rgbOutput = av_pix_fmt_desc_get(choice_.pixelFormat)->flags & AV_PIX_FMT_FLAG_RGB;
    if (rgbOutput) {
        tags_.range = AVCOL_RANGE_JPEG;
        tags_.matrix = AVCOL_SPC_RGB;
    } else {
        if (tags_.range == AVCOL_RANGE_UNSPECIFIED) tags_.range = AVCOL_RANGE_MPEG;  // video levels, as masters are delivered
        // The matrix the GPU pass writes is always stated, so no player has to guess it.
        if (tags_.matrix == AVCOL_SPC_UNSPECIFIED) tags_.matrix = AVCOL_SPC_BT709;
    }
    if (!movie_) {
        if (settings_.request.audioCopy) throw Error("--audio copy needs a movie output");
        if (!settings_.request.timecode.empty()) throw Error("--timecode needs a movie output");
        return;
    }
    rate_ = settings_.sourceMovie ? settings_.sourceMovie->frameRate : settings_.sequenceRate.value_or(AVRational{24, 1});
    if (!settings_.request.timecode.empty())
        timecode_ = timecodeAfter(settings_.request.timecode, rate_, 0, "--timecode");
    else if (settings_.sourceMovie && !settings_.sourceMovie->timecode.empty())
        timecode_ = timecodeAfter(settings_.sourceMovie->timecode, rate_, settings_.firstFrame, settings_.sourceMovie->path + ": timecode");
    else if (!settings_.sequenceTimecode.empty())
        timecode_ = timecodeAfter(settings_.sequenceTimecode, rate_, 0, "the first frame's timecode");
    if (settings_.request.audioCopy) {
        if (!settings_.sourceMovie) throw Error("--audio copy needs a movie input");
        if (settings_.sourceMovie->audio.empty()) throw Error("--audio copy: " + settings_.sourceMovie->path + " has no audio");
    }
}

MediaWriter::~MediaWriter() = default;

std::shared_ptr<const PlaneLayout> MediaWriter::layoutFor(int width, int height, bool alpha) {
    std::lock_guard lock(layoutMutex_);
    const AVPixelFormat format = alpha ? choice_.alphaPixelFormat : choice_.pixelFormat;
    if (layout_ && layout_->width == width && layout_->height == height && layout_->pixelFormat == format) return layout_;
    if (movie_ && layout_) throw Error(settings_.output + ": a movie's frames must all be one size");
    const ColorSignal signal{tags_.matrix, tags_.range, AVCHROMA_LOC_LEFT};
    auto layout = planeLayoutFor(format, width, height, signal, settings_.output, 8);
    checkWritableLayout(*layout, settings_.output);
    layout_ = layout;
    return layout_;
}

void MediaWriter::write(const std::string& path, const Frame& frame) {
    if (!movie_) {
        writeStillImage(path, frame, choice_);
        return;
    }
    if (!encoder_) {
        MovieOutput out;
        out.path = settings_.output;
        out.encoder = choice_;
        out.pixelFormat = frame.planeLayout->pixelFormat;
        out.tags = tags_;
        out.frameRate = rate_;
        out.timecode = timecode_;
        if (settings_.request.audioCopy) {
            const MovieInfo& source = *settings_.sourceMovie;
            out.audioSource = source.path;
            out.audioStart = double(settings_.firstFrame) / av_q2d(source.frameRate);
            out.audioEnd = double(settings_.firstFrame + settings_.frameCount) / av_q2d(source.frameRate);
            out.audioWhole = settings_.firstFrame == 0 && settings_.frameCount == source.frames;
        }
        encoder_ = std::make_unique<MovieEncoder>(out, frame.width, frame.height);
    }
    encoder_->write(frame);
}

void MediaWriter::finish() {
    if (encoder_) encoder_->finish();
}

std::string MediaWriter::describe() const {
    std::string text = choice_.description + "; tags " + tagText(tags_);
    if (!timecode_.empty()) text += "; timecode " + timecode_;
    if (movie_) text += "; " + std::to_string(rate_.num) + "/" + std::to_string(rate_.den) + " fps";
    if (settings_.request.audioCopy) text += "; audio copied";
    return text;
}

}  // namespace tinct
