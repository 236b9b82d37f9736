#pragma once
// Single-picture files FFmpeg's image codecs read and write (DPX, TIFF, PNG): one file per frame of a
// sequence, so reading and writing can run on several threads, one codec context each.
#include <string>

extern "C" {
#include <libavcodec/codec_id.h>
}

#include "engine/io/Frame.h"

namespace tinct {

// The codec for a still image's extension; AV_CODEC_ID_NONE when it is none of DPX, TIFF, PNG.
AVCodecID stillImageCodec(const std::string& path);

// Decodes the file into `frame` as Planes. Throws tinct::Error naming the file for missing, truncated
// or damaged files and headers that do not match the data.
void readStillImage(const std::string& path, Frame& frame);

}  // namespace tinct

namespace tinct {

struct EncoderChoice;

// Encodes `frame` (Planes in `pixelFormat`, as the GPU's RGB pass left them) with `encoder` and
// writes it to `path` through a hidden temporary. Throws tinct::Error naming the path.
void writeStillImage(const std::string& path, const Frame& frame, const EncoderChoice& encoder);

}  // namespace tinct
