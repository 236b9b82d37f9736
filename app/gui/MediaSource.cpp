#include "app/gui/MediaSource.h"

#include <filesystem>

#include "engine/Error.h"
#include "engine/color/ExrChromaticities.h"
#include "engine/io/ExrReader.h"
#include "engine/io/FrameSequence.h"
#include "engine/render/SampleFootage.h"

namespace tinct {

MediaSource::MediaSource(const std::string& path, int sampleWidth, int sampleHeight, int sampleFrames)
    : path_(path), sampleWidth_(sampleWidth), sampleHeight_(sampleHeight) {
    if (path.empty()) {
        name_ = "sample footage";
        for (int i = 0; i < sampleFrames; ++i) numbers_.push_back(i + 1);
        return;
    }
    const FrameSequence sequence = FrameSequence::parse(path);
    name_ = std::filesystem::path(path).filename().string();
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

Frame MediaSource::load(int index) const {
    if (isSample()) return makeSampleFrame(index, frameCount(), sampleWidth_, sampleHeight_);
    return readExr(files_.at(index));
}

std::optional<Chromaticities> MediaSource::chromaticities() const {
    if (isSample()) return std::nullopt;
    return exrChromaticities(files_.front());
}

std::string MediaSource::directory() const {
    if (isSample()) return std::filesystem::current_path().string();
    return std::filesystem::absolute(path_).parent_path().string();
}

}  // namespace tinct
