#include "app/gui/MediaSource.h"

#include <filesystem>

#include "engine/Error.h"
#include "engine/color/ExrChromaticities.h"
#include "engine/media/FrameSource.h"
#include "engine/media/PlanesToRgba.h"
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
    // Half EXR frames are widened on the CPU: the viewer uploads float frames.
    source_ = openFrameSource(path, {"", false});
    for (int64_t n : source_->frames()) numbers_.push_back(int(n));
    if (source_->kind() != MediaKind::Exr) toRgba_ = std::make_unique<PlanesToRgba>(gpu);
}

MediaSource::~MediaSource() = default;

Frame MediaSource::load(int index) const {
    if (isSample()) return makeSampleFrame(index, frameCount(), sampleWidth_, sampleHeight_);
    Frame frame;
    source_->read(numbers_.at(size_t(index)), frame);
    return toRgba_ ? toRgba_->convert(frame) : frame;
}

std::optional<Chromaticities> MediaSource::chromaticities() const {
    if (isSample() || source_->kind() != MediaKind::Exr) return std::nullopt;
    return exrChromaticities(source_->fileOf(source_->frames().front()));
}

std::string MediaSource::directory() const {
    if (isSample()) return std::filesystem::current_path().string();
    return std::filesystem::absolute(path_).parent_path().string();
}

}  // namespace tinct
