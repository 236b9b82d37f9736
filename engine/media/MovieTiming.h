#pragma once
// Timing carried between movies and EXR frames, so that neither direction loses it: an EXR frame
// from a movie gets the movie's frame rate and that frame's timecode; a movie from EXR frames gets
// their framesPerSecond and the first frame's timeCode.
#include <memory>
#include <optional>
#include <string>

extern "C" {
#include <libavutil/rational.h>
}

#include "engine/io/ExrAttributes.h"
#include "engine/media/MovieInfo.h"

namespace tinct {

// framesPerSecond, and timeCode when the movie has a timecode, for frame `number` (0 the first).
std::shared_ptr<const ExrAttributes> exrTimingForMovieFrame(const MovieInfo& movie, int64_t number);

struct SequenceTiming {
    std::optional<AVRational> frameRate;
    std::string timecode;  // "" when the frame has none
};

// What the EXR frame at `path` says about timing (framesPerSecond, timeCode); nothing when it says
// nothing. Throws tinct::Error naming the file when it cannot be opened.
SequenceTiming exrSequenceTiming(const std::string& path);

}  // namespace tinct
