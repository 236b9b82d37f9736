#pragma once
// The frame index of a movie, built when it is opened: which decoded picture frame n shows (the
// picture ffmpeg shows at time n / rate with -vsync cfr: variable rates, dropped and repeated
// pictures, B-frame reordering, edit lists and start offsets all resolved), and where decoding must
// start to reach each picture. Made from the packets' timestamps without decoding: from the
// container's own index for intra-only codecs (no packet data is read), else from one pass over the
// video packets.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

extern "C" {
#include <libavformat/avformat.h>
}

namespace tinct {

struct IndexedPicture {
    int64_t timestamp = 0;  // as the decoder will stamp it (best effort), stream time base
    int64_t duration = 0;
    size_t keyframe = 0;    // index into MovieIndex::keyframes of the one decoding starts from
};

struct IndexedKeyframe {
    int64_t dts = AV_NOPTS_VALUE, pts = AV_NOPTS_VALUE;  // of its packet, stream time base
    int64_t packet = 0;                                  // its place in decode order
};

struct MovieIndex {
    std::vector<IndexedPicture> pictures;   // presentation order
    std::vector<IndexedKeyframe> keyframes; // decode order
    std::vector<int64_t> frames;            // frame n -> index into pictures
    int64_t packets = 0;                    // video packets with data
    bool fromContainerIndex = false;        // built from the demuxer's index, no packet read
    bool variableRate = false;              // pictures not one frame apart
    int64_t repeatedFrames = 0;             // frames that show the picture before them again
    int64_t droppedPictures = 0;            // pictures no frame shows

    // The picture whose timestamp is `timestamp`, if any.
    std::optional<size_t> pictureAt(int64_t timestamp) const;
};

// Reads the index of stream `stream` of an opened movie at `rate`, and leaves the demuxer at the start
// again. Throws tinct::Error naming `path` when the packets cannot be read or the stream has no picture.
MovieIndex indexMovie(AVFormatContext& format, int stream, AVRational rate, const std::string& path);

}  // namespace tinct
