#pragma once
// Owning handles for FFmpeg's C objects, so every early return and exception frees them.
#include <memory>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
}

namespace tinct {

struct InputFormatDeleter {
    void operator()(AVFormatContext* c) const { avformat_close_input(&c); }
};
struct CodecContextDeleter {
    void operator()(AVCodecContext* c) const { avcodec_free_context(&c); }
};
struct FrameDeleter {
    void operator()(AVFrame* f) const { av_frame_free(&f); }
};
struct PacketDeleter {
    void operator()(AVPacket* p) const { av_packet_free(&p); }
};

using InputFormat = std::unique_ptr<AVFormatContext, InputFormatDeleter>;
using CodecContext = std::unique_ptr<AVCodecContext, CodecContextDeleter>;
using AvFrame = std::unique_ptr<AVFrame, FrameDeleter>;
using AvPacket = std::unique_ptr<AVPacket, PacketDeleter>;

inline AvFrame makeAvFrame() { return AvFrame(av_frame_alloc()); }
inline AvPacket makeAvPacket() { return AvPacket(av_packet_alloc()); }

}  // namespace tinct
