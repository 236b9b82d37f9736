#include "engine/media/MovieFrameRange.h"

extern "C" {
#include <libavutil/timecode.h>
}

#include "engine/Error.h"

namespace tinct {

namespace {

// Frames since 00:00:00:00 of a timecode at the movie's rate (drop-frame aware, as libavutil counts).
int64_t framesOf(const std::string& timecode, const MovieInfo& movie) {
    AVTimecode tc;
    if (av_timecode_init_from_string(&tc, movie.frameRate, timecode.c_str(), nullptr) < 0)
        throw Error(movie.path + ": " + timecode + " is not a timecode HH:MM:SS:FF at " + std::to_string(movie.frameRate.num) +
                    "/" + std::to_string(movie.frameRate.den) + " fps");
    return tc.start;
}

}  // namespace

FrameRange movieFrameRange(const MovieInfo& movie, const std::string& text) {
    if (text.find(':') == std::string::npos) return parseFrameRange(text);
    if (movie.timecode.empty()) throw Error(movie.path + ": --frames " + text + " gives timecodes, but the movie has no timecode");
    const size_t dash = text.find('-');
    const std::string first = text.substr(0, dash), last = dash == std::string::npos ? first : text.substr(dash + 1);
    const int64_t start = framesOf(movie.timecode, movie);
    const int64_t a = framesOf(first, movie) - start, b = framesOf(last, movie) - start;
    if (a < 0 || b < a)
        throw Error(movie.path + ": --frames " + text + " is not a range within the movie (it starts at " + movie.timecode + ")");
    return {int(a), int(b)};
}

}  // namespace tinct
