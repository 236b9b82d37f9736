#pragma once
// A movie's frames through its frame index (MovieDecoder): frame n is the picture shown at n / rate.
// Reads take turns on one decoder; a window of neighbours decodes each picture once.
#include <mutex>

#include "engine/media/FrameSource.h"
#include "engine/media/MovieDecoder.h"

namespace tinct {

class MovieSource : public FrameSource {
public:
    explicit MovieSource(const std::string& path);
    const MovieInfo* movie() const override { return &decoder_->info(); }
    const MovieIndex& index() const { return decoder_->index(); }
    bool parallelReads() const override { return false; }
    int64_t decodedPictures() const;

private:
    MovieSource(const std::string& path, std::unique_ptr<MovieDecoder> decoder);
    void readFrame(int64_t number, Frame& frame) override;

    std::unique_ptr<MovieDecoder> decoder_;
    mutable std::mutex mutex_;
    int64_t lastGood_ = -1;  // highest frame read cleanly
};

}  // namespace tinct
