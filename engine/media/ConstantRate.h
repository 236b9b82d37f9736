#pragma once
// Which decoded picture is on screen at each frame of a movie shown at a constant frame rate, decided
// as ffmpeg decides it for `-vsync cfr`, so frame n in Tinct is the picture ffmpeg would give for it:
// a picture late by more than 1.1 frames repeats the one before it until it is due, one early by as
// much is dropped, and small jitter moves nothing. Pure arithmetic on timestamps; no decoding.
#include <cstdint>
#include <vector>

extern "C" {
#include <libavutil/rational.h>
}

namespace tinct {

struct PictureTiming {
    int64_t timestamp = 0;  // presentation timestamp as the decoder gives it (best effort), stream time base
    int64_t duration = 0;   // of its packet, stream time base; 0 when unknown
};

// `pictures` in presentation order; `start` the file's start time in the stream's time base (time 0 of
// the clip); `rate` the frame rate it is shown at. Returns, for each frame 0, 1, ..., the index of the
// picture it shows.
std::vector<int64_t> framesAtConstantRate(const std::vector<PictureTiming>& pictures, AVRational timeBase, int64_t start,
                                          AVRational rate);

}  // namespace tinct
