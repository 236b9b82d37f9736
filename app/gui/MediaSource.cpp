#include "app/gui/MediaSource.h"

#include <filesystem>

#include "engine/Error.h"
#include "engine/color/ExrChromaticities.h"
#include "engine/io/ExrReader.h"
#include "engine/io/FrameSequence.h"
#include "engine/media/MovieDecoder.h"
#include "engine/media/PlanesToRgba.h"
#include "engine/media/StillImage.h"
#include "engine/render/SampleFootage.h"

namespace tinct {

MediaSource::MediaSource(GpuContext& gpu, const std::string& path, int sampleWidth, int sampleHeight, int sampleFrames)
    : path_(path), sampleWidth_(sampleWidth), sampleHeight_(sampleHeight) {
    if (path.empty()) {
        name_ = "sample footage";
        for (int i = 0; i < sampleFrames; ++i) numbers_.push_back(i + 1);
        return;
    }
    name_ = std::filesystem::path(path).filename().string();
    kind_ = mediaKindOf(path);
    if (kind_ == MediaKind::Unknown) throw Error(path + ": not a format Tinct reads (EXR, a movie, DPX, TIFF, PNG)");
    if (kind_ == MediaKind::Movie) {
        movie_ = std::make_unique<MovieDecoder>(path);
        toRgba_ = std::make_unique<PlanesToRgba>(gpu);
        for (int64_t i = 0; i < movie_->info().frames; ++i) numbers_.push_back(int(i));
        if (numbers_.empty()) throw Error(path + ": the movie has no frames");
        return;
    }
    if (kind_ == MediaKind::StillImage) toRgba_ = std::make_unique<PlanesToRgba>(gpu);
    const FrameSequence sequence = FrameSequence::parse(path);
    if (!sequence.isSequence()) {
        if (!std::filesystem::is_regular_file(path)) throw Error(path + ": no such file");
        numbers_ = {1};
        files_ = {path};
        return;
    }
    numbers_ = sequence.scan();
    if (numbers_.empty()) throw Error(path + ": no frames of this sequence exist");
    for (int n : numbers_) files_.push_back(sequence.pathFor(n));
}

MediaSource::~MediaSource() = default;

Frame MediaSource::load(int index) const {
    if (isSample()) return makeSampleFrame(index, frameCount(), sampleWidth_, sampleHeight_);
    if (kind_ == MediaKind::Exr) return readExr(files_.at(index));
    Frame decoded;
    if (movie_)
        movie_->read(numbers_.at(size_t(index)), decoded);
    else
        readStillImage(files_.at(index), decoded);
    return toRgba_->convert(decoded);
}

std::optional<Chromaticities> MediaSource::chromaticities() const {
    if (isSample() || kind_ != MediaKind::Exr) return std::nullopt;
    return exrChromaticities(files_.front());
}

std::string MediaSource::directory() const {
    if (isSample()) return std::filesystem::current_path().string();
    return std::filesystem::absolute(path_).parent_path().string();
}

}  // namespace tinct
