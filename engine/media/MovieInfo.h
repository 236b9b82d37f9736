#pragma once
// What a movie holds, from its container and stream headers: what `tinct info` prints and what a
// render needs to read it frame-accurately and to write a master with the same timing.
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

extern "C" {
#include <libavformat/avformat.h>
}

namespace tinct {

struct AudioStreamInfo {
    int index = 0;
    std::string codec, sampleFormat, channelLayout;
    int sampleRate = 0, channels = 0;
};

struct MovieInfo {
    std::string path, container, codec, codecName, profile, pixelFormat;
    int videoStream = -1;
    int width = 0, height = 0, bitDepth = 0;
    bool alpha = false;
    AVRational frameRate{0, 1};  // exact: 24000/1001 for 23.976; the rate ffmpeg shows the clip at
    AVRational timeBase{0, 1};
    int64_t startPts = 0;        // of the first frame, in timeBase
    int64_t frames = 0;          // frames at frameRate: from the frame index once built, else the headers' guess
    int64_t headerFrames = 0;    // what the headers state (may be wrong)
    // From the frame index (MovieDecoder), when it was built.
    struct {
        bool built = false;
        int64_t pictures = 0;        // decoded pictures the clip holds
        bool variableRate = false;   // pictures not evenly spaced
        int64_t repeatedFrames = 0;  // frames showing the picture before them again (gaps, dropped frames)
        int64_t droppedPictures = 0; // pictures no frame shows (more than one in a frame's time)
    } index;
    std::string timecode;        // start timecode, "" when the movie has none
    std::string primaries, transfer, matrix, range, chromaLocation;  // FFmpeg's names; "unknown" when unstated
    AVColorPrimaries primariesTag = AVCOL_PRI_UNSPECIFIED;
    AVColorTransferCharacteristic transferTag = AVCOL_TRC_UNSPECIFIED;
    AVColorSpace matrixTag = AVCOL_SPC_UNSPECIFIED;
    AVColorRange rangeTag = AVCOL_RANGE_UNSPECIFIED;
    AVChromaLocation chromaTag = AVCHROMA_LOC_UNSPECIFIED;
    std::vector<AudioStreamInfo> audio;

    nlohmann::json toJson() const;
    std::string toText() const;
};

// Describes an opened movie (its first video stream). Throws tinct::Error naming the path when it has
// no video stream or no usable frame rate.
MovieInfo describeMovie(AVFormatContext& format, const std::string& path);

// Opens `path` and describes it. Throws tinct::Error naming the path for missing or unreadable files.
MovieInfo probeMovie(const std::string& path);

}  // namespace tinct
