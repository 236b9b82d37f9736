#pragma once
// Frame-accurate reading of a movie by frame number: a seek to the keyframe at or before the frame,
// then decoding forward, each picture's number checked from its timestamp. Reading consecutive
// frames decodes straight on without seeking. One decoder per thread.
#include <cstdint>
#include <string>

#include "engine/io/Frame.h"
#include "engine/media/LibavHandles.h"
#include "engine/media/MovieInfo.h"

namespace tinct {

class MovieDecoder {
public:
    // Throws tinct::Error naming the path for missing files, unreadable containers and codecs FFmpeg
    // cannot decode.
    explicit MovieDecoder(const std::string& path);

    const MovieInfo& info() const { return info_; }

    // Decodes frame `number` (0 is the first) into `frame` as Planes, reusing its memory. Throws
    // tinct::Error naming the file, the frame and the last good frame when the movie is cut short or
    // damaged before it.
    void read(int64_t number, Frame& frame);

private:
    void seekTo(int64_t number);
    bool decodeNext();  // the next picture into picture_; false at the end of the stream
    int64_t numberOf(const AVFrame& picture) const;
    [[noreturn]] void fail(int64_t number, const std::string& problem) const;

    std::string path_;
    InputFormat format_;
    CodecContext decoder_;
    MovieInfo info_;
    AvFrame picture_ = makeAvFrame();
    AvFrame streamTags_ = makeAvFrame();  // the stream's colour tags, for pictures that omit them
    AvPacket packet_ = makeAvPacket();
    int64_t current_ = -1;     // number of the picture in picture_, -1 for none
    int64_t lastGood_ = -1;    // highest frame decoded cleanly
    bool drained_ = false;     // end of file reached and the decoder flushed
};

}  // namespace tinct
