#include "engine/media/FrameSource.h"

#include <algorithm>
#include <filesystem>

#include "engine/Error.h"
#include "engine/media/MovieSource.h"
#include "engine/media/SequenceSource.h"

namespace tinct {

FrameSource::FrameSource(std::string path, MediaKind kind, bool sequence, std::vector<int64_t> frames)
    : path_(std::move(path)), kind_(kind), sequence_(sequence), frames_(std::move(frames)) {}

bool FrameSource::has(int64_t number) const { return std::binary_search(frames_.begin(), frames_.end(), number); }

void FrameSource::read(int64_t number, Frame& frame) {
    if (!has(number)) {
        const std::string range = frames_.empty() ? std::string("none")
                                                  : std::to_string(frames_.front()) + "-" + std::to_string(frames_.back());
        throw Error(fileOf(number) + ": frame " + std::to_string(number) + " is not one of the source's frames (" + range + ")");
    }
    readFrame(number, frame);
    std::lock_guard lock(sizeMutex_);
    if (!size_) {
        size_ = {frame.width, frame.height};
        sizedBy_ = number;
    } else if (size_->first != frame.width || size_->second != frame.height) {
        throw Error(fileOf(number) + ": frame " + std::to_string(number) + " is " + std::to_string(frame.width) + "x" +
                    std::to_string(frame.height) + ", but frame " + std::to_string(sizedBy_) + " of " + path_ + " is " +
                    std::to_string(size_->first) + "x" + std::to_string(size_->second) +
                    "; every frame of a source has one size");
    }
}

void FrameSource::setCuts(std::vector<int64_t> cuts) {
    std::sort(cuts.begin(), cuts.end());
    cuts_ = std::move(cuts);
}

int64_t FrameSource::neighbour(int64_t number, int offset) const {
    const auto at = std::lower_bound(frames_.begin(), frames_.end(), number);
    if (at == frames_.end() || *at != number) throw Error(path_ + ": no frame " + std::to_string(number));
    const int64_t i = at - frames_.begin();
    auto cutAt = [&](int64_t position) {  // a shot starts at this position
        return position == 0 || frames_[size_t(position)] != frames_[size_t(position - 1)] + 1 ||
               std::binary_search(cuts_.begin(), cuts_.end(), frames_[size_t(position)]);
    };
    // The shot's first and last positions, looked for no further than the offset reaches.
    const int64_t reach = std::abs(int64_t(offset));
    int64_t first = i, last = i;
    while (first > 0 && i - first < reach && !cutAt(first)) --first;
    while (last + 1 < int64_t(frames_.size()) && last - i < reach && !cutAt(last + 1)) ++last;
    if (first == last) return number;
    int64_t t = i + offset;
    while (t < first || t > last) t = t < first ? 2 * first - t : 2 * last - t;
    return frames_[size_t(t)];
}

std::unique_ptr<FrameSource> openFrameSource(const std::string& path, const FrameSourceOptions& options) {
    const MediaKind kind = mediaKindOf(path);
    if (kind == MediaKind::Movie) return std::make_unique<MovieSource>(path);
    if (kind == MediaKind::StillImage) return std::make_unique<SequenceSource>(path, MediaKind::StillImage, options);
    if (kind == MediaKind::Unknown && std::filesystem::path(path).extension().empty())
        throw Error(path + ": not a format Tinct reads (EXR, a movie, DPX, TIFF, PNG)");
    // Anything else with an extension is tried as EXR: OpenEXR names the problem if it is not.
    return std::make_unique<SequenceSource>(path, MediaKind::Exr, options);
}

}  // namespace tinct
