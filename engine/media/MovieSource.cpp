#include "engine/media/MovieSource.h"

#include "engine/Error.h"
#include "engine/media/MovieTiming.h"

namespace tinct {

namespace {

std::vector<int64_t> numbered(int64_t count) {
    std::vector<int64_t> frames(static_cast<size_t>(count));
    for (int64_t n = 0; n < count; ++n) frames[size_t(n)] = n;
    return frames;
}

}  // namespace

MovieSource::MovieSource(const std::string& path) : MovieSource(path, std::make_unique<MovieDecoder>(path)) {}

MovieSource::MovieSource(const std::string& path, std::unique_ptr<MovieDecoder> decoder)
    : FrameSource(path, MediaKind::Movie, true, numbered(decoder->info().frames)), decoder_(std::move(decoder)) {}

int64_t MovieSource::decodedPictures() const {
    std::lock_guard lock(mutex_);
    return decoder_->decodedPictures();
}

void MovieSource::readFrame(int64_t number, Frame& frame) {
    std::lock_guard lock(mutex_);
    try {
        decoder_->read(size_t(index().frames[size_t(number)]), frame);
    } catch (const PictureUnreadable& e) {
        throw Error(path() + ": frame " + std::to_string(number) + " cannot be read: " + e.problem + "; last good frame " +
                    (lastGood_ < 0 ? std::string("none") : std::to_string(lastGood_)) + " of " +
                    std::to_string(frames().size()));
    }
    lastGood_ = std::max(lastGood_, number);
    frame.attributes = exrTimingForMovieFrame(decoder_->info(), number);  // for EXR outputs
}

}  // namespace tinct
