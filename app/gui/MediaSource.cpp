#include "app/gui/MediaSource.h"

#include <filesystem>

#include "engine/Error.h"
#include "engine/color/ExrChromaticities.h"
#include "engine/media/FrameSource.h"
#include "engine/media/PlanesToRgba.h"
#include "engine/render/SampleSource.h"

namespace tinct {

namespace {

// A temporal grade's window (up to n-3 .. n+3 for the viewer, its thumbnails and a still's frame).
constexpr size_t kKeptFrames = 10;

}  // namespace

MediaSource::MediaSource(GpuContext& gpu, const std::string& path, int sampleWidth, int sampleHeight, int sampleFrames)
    : path_(path) {
    if (path.empty()) {
        name_ = "sample footage";
        source_ = std::make_unique<SampleSource>(sampleWidth, sampleHeight, sampleFrames);
    } else {
        name_ = std::filesystem::path(path).filename().string();
        source_ = openFrameSource(path, {"", false});  // half EXR frames widened: the viewer uploads float
        if (source_->kind() != MediaKind::Exr) toRgba_ = std::make_unique<PlanesToRgba>(gpu);
    }
    numbers_ = source_->frames();
}

MediaSource::MediaSource(GpuContext& gpu, std::unique_ptr<FrameSource> source, std::string name)
    : source_(std::move(source)), name_(std::move(name)) {
    if (source_->kind() != MediaKind::Exr) toRgba_ = std::make_unique<PlanesToRgba>(gpu);
    numbers_ = source_->frames();
}

MediaSource::~MediaSource() = default;

const Frame& MediaSource::frame(int64_t number) {
    for (auto it = recent_.begin(); it != recent_.end(); ++it)
        if (it->first == number) {
            recent_.splice(recent_.begin(), recent_, it);
            return recent_.front().second;
        }
    Frame frame;
    source_->read(number, frame);
    ++reads_;
    if (toRgba_) frame = toRgba_->convert(frame);
    recent_.emplace_front(number, std::move(frame));
    if (recent_.size() > kKeptFrames) recent_.pop_back();
    return recent_.front().second;
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
