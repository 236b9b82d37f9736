#pragma once
// --frames on a movie: frame numbers from 0 ("100-147"), or timecodes of the movie's own timecode
// track ("01:00:04:04-01:00:06:03", ';' before the frames for drop frame).
#include <string>

#include "engine/io/FrameRange.h"
#include "engine/media/MovieInfo.h"

namespace tinct {

// Throws tinct::Error naming the movie for timecodes it has none of, or malformed ones.
FrameRange movieFrameRange(const MovieInfo& movie, const std::string& text);

}  // namespace tinct
