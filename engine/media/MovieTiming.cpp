#include "engine/media/MovieTiming.h"

#include <ImfStandardAttributes.h>
#include <ImfTimeCode.h>

#include <cstdio>

extern "C" {
#include <libavutil/timecode.h>
}

#include "engine/io/ExrOpen.h"

namespace tinct {

std::shared_ptr<const ExrAttributes> exrTimingForMovieFrame(const MovieInfo& movie, int64_t number) {
    auto attributes = std::make_shared<ExrAttributes>();
    Imf::addFramesPerSecond(attributes->header, Imf::Rational(movie.frameRate.num, unsigned(movie.frameRate.den)));
    AVTimecode tc;
    if (!movie.timecode.empty() && av_timecode_init_from_string(&tc, movie.frameRate, movie.timecode.c_str(), nullptr) >= 0) {
        char text[AV_TIMECODE_STR_SIZE];
        av_timecode_make_string(&tc, text, int(number));
        int h = 0, m = 0, s = 0, f = 0;
        char separator = ':';
        if (std::sscanf(text, "%d:%d:%d%c%d", &h, &m, &s, &separator, &f) == 5)
            Imf::addTimeCode(attributes->header, Imf::TimeCode(h, m, s, f, separator == ';'));
    }
    return attributes;
}

SequenceTiming exrSequenceTiming(const std::string& path) {
    SequenceTiming timing;
    try {
        const auto file = openExrFile(path);
        const Imf::Header& header = file->header(0);
        if (Imf::hasFramesPerSecond(header)) {
            const Imf::Rational r = Imf::framesPerSecond(header);
            if (r.n > 0 && r.d > 0) timing.frameRate = AVRational{r.n, int(r.d)};
        }
        if (Imf::hasTimeCode(header)) {
            const Imf::TimeCode tc = Imf::timeCode(header);
            char text[32];
            std::snprintf(text, sizeof text, "%02d:%02d:%02d%c%02d", tc.hours(), tc.minutes(), tc.seconds(),
                          tc.dropFrame() ? ';' : ':', tc.frame());
            timing.timecode = text;
        }
    } catch (...) {
        rethrowAsExrError(path, std::current_exception());
    }
    return timing;
}

}  // namespace tinct
