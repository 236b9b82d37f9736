#pragma once
// Decoded pictures of a movie by their place in its frame index (presentation order): a seek to the
// keyframe the index names, then decoding forward, each picture recognised by its timestamp. Reading
// on from the last picture decodes straight on; recent pictures are kept, so a window of neighbours
// or a step back decodes nothing twice. One decoder per movie; not for several threads at once.
#include <cstdint>
#include <list>
#include <map>
#include <string>

#include "engine/io/Frame.h"
#include "engine/media/LibavHandles.h"
#include "engine/media/MovieIndex.h"
#include "engine/media/MovieInfo.h"

namespace tinct {

// Why a picture could not be had; MovieSource says which frame and file.
struct PictureUnreadable {
    std::string problem;
};

class MovieDecoder {
public:
    // Opens `path`, reads its headers and builds its frame index. Throws tinct::Error naming the path
    // for missing files, unreadable containers and codecs FFmpeg cannot decode.
    explicit MovieDecoder(const std::string& path);

    const MovieInfo& info() const { return info_; }
    const MovieIndex& index() const { return index_; }

    // Picture `picture` into `frame` as Planes, reusing its memory. Throws PictureUnreadable when the
    // movie is cut short or damaged before it.
    void read(size_t picture, Frame& frame);

    // How many pictures have been decoded since the movie was opened (what the cache saves).
    int64_t decodedPictures() const { return decoded_; }

private:
    void seekTo(size_t keyframe);
    bool decodeNext();  // the next picture into picture_; false at the end of the stream
    const Frame* cached(size_t picture);
    void keep(size_t picture);

    std::string path_;
    InputFormat format_;
    CodecContext decoder_;
    MovieInfo info_;
    MovieIndex index_;
    AvFrame picture_ = makeAvFrame();
    AvFrame streamTags_ = makeAvFrame();  // the stream's colour tags, for pictures that omit them
    AvPacket packet_ = makeAvPacket();
    int64_t last_ = -1;          // index of the last picture decoded, -1 after a seek until one is seen
    bool drained_ = false;       // end of file reached and the decoder flushed
    int64_t landingDts_ = AV_NOPTS_VALUE;  // after a seek: the keyframe's dts, checked against the first packet
    bool landedLate_ = false;    // the demuxer landed after the keyframe asked for
    int64_t nextDts_ = AV_NOPTS_VALUE;  // the dts after the last packet sent: what a flushed picture is stamped
    int64_t fedDuration_ = 1;           // of the last packet sent
    int64_t decoded_ = 0;

    // Recently decoded pictures, most recent first, within a byte budget.
    std::list<std::pair<size_t, Frame>> recent_;
    std::map<size_t, std::list<std::pair<size_t, Frame>>::iterator> byPicture_;
    size_t cachedBytes_ = 0;
};

}  // namespace tinct
