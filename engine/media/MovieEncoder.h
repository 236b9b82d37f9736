#pragma once
// Writes a movie: frames (Planes, as the GPU's RGB to YUV pass left them) encoded in order, with
// colour tags, a timecode track, exact frame rate, and optionally the source's audio packets copied
// untouched. The file is written under a hidden temporary name and appears only when finish()
// completes; if anything fails before, nothing is left.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

extern "C" {
#include <libavutil/rational.h>
}

#include "engine/io/AtomicOutput.h"
#include "engine/io/Frame.h"
#include "engine/media/EncodeOptions.h"
#include "engine/media/LibavHandles.h"

namespace tinct {

struct MovieOutput {
    std::string path;
    EncoderChoice encoder;
    AVPixelFormat pixelFormat = AV_PIX_FMT_NONE;  // the encoder's input (and the GPU pass's output)
    ColorTags tags;
    AVRational frameRate{24, 1};
    std::string timecode;  // start timecode, "" for none
    // --audio copy: the source movie and the span of it that the video covers, in seconds.
    std::string audioSource;
    double audioStart = 0, audioEnd = 0;
    bool audioWhole = false;  // the whole source is rendered: copy every audio packet
};

class MovieEncoder {
public:
    // Opens the encoder and the temporary file for width x height frames. Throws tinct::Error
    // naming the path when the encoder refuses the settings or the file cannot be created.
    MovieEncoder(const MovieOutput& output, int width, int height);
    ~MovieEncoder();

    // Encodes the next frame (in order).
    void write(const Frame& frame);
    // Flushes the encoder, writes the rest of the audio and the trailer, and moves the file into place.
    void finish();

private:
    void drainPackets(bool flushing);
    void copyAudioUntil(double seconds);

    MovieOutput output_;
    AtomicOutput file_;
    AVFormatContext* muxer_ = nullptr;
    CodecContext encoder_;
    AVStream* video_ = nullptr;
    AvFrame picture_ = makeAvFrame();
    AvPacket packet_ = makeAvPacket();
    int64_t next_ = 0;
    bool headerWritten_ = false;
    // Audio copy: the source, and which output stream each of its audio streams feeds (-1: none).
    InputFormat audioIn_;
    std::vector<int> audioMap_;
    bool audioDone_ = false;
};

}  // namespace tinct
