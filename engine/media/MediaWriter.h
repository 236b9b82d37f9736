#pragma once
// The output side of a render to a movie or a DPX/TIFF/PNG sequence: which pixel format the GPU's
// RGB to YUV pass writes, and the encoding of each graded frame. A movie is encoded in frame order by
// one writer thread; still images are independent files and may be written by several.
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "engine/io/Frame.h"
#include "engine/media/EncodeOptions.h"
#include "engine/media/MovieEncoder.h"
#include "engine/media/MovieInfo.h"
#include "engine/media/PlaneLayout.h"

namespace tinct {

struct MediaWriterSettings {
    std::string output;             // the movie, or any frame of the sequence
    EncodeRequest request;
    ColorTags tags;                 // derived from the output colour space; --tag-* flags applied here
    bool colourConverted = false;   // colour management changed the pixels: a source movie's tags no longer apply
    std::optional<MovieInfo> sourceMovie;  // when the input is a movie: its timing, timecode, audio
    std::optional<AVRational> sequenceRate;  // otherwise: the first EXR frame's framesPerSecond
    std::string sequenceTimecode;            // and its timeCode
    int64_t firstFrame = 0, frameCount = 0;  // the span of the source rendered
};

class MediaWriter {
public:
    // Resolves the encoder and tags. Throws tinct::Error for bad names and for --audio copy without a
    // source movie that has audio.
    explicit MediaWriter(MediaWriterSettings settings);
    ~MediaWriter();

    bool isMovie() const { return movie_; }
    bool parallelWrites() const { return !movie_; }
    // What the GPU writes for a width x height frame; the same object while the size stays.
    std::shared_ptr<const PlaneLayout> layoutFor(int width, int height, bool alpha);
    // Movies: frames in order, from one thread. Stills: the frame's own file.
    void write(const std::string& path, const Frame& frame);
    // Completes a movie (flush, audio, trailer, rename); nothing for stills.
    void finish();
    // "ProRes 422 HQ (prores_ks), yuv422p10le; tags bt709/bt709/bt709/tv; timecode 01:00:00:00"
    std::string describe() const;

private:
    MediaWriterSettings settings_;
    EncoderChoice choice_;
    ColorTags tags_;
    bool movie_ = false;
    std::string timecode_;
    AVRational rate_{24, 1};
    std::mutex layoutMutex_;
    std::shared_ptr<const PlaneLayout> layout_;
    std::unique_ptr<MovieEncoder> encoder_;
};

}  // namespace tinct
