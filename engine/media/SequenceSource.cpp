#include "engine/media/SequenceSource.h"

#include <filesystem>

#include "engine/Error.h"
#include "engine/io/ExrReader.h"
#include "engine/media/StillImage.h"

namespace tinct {

namespace {

std::vector<int64_t> framesOf(const FrameSequence& sequence, const std::string& path) {
    if (!sequence.isSequence()) {
        if (!std::filesystem::exists(path)) throw Error(path + ": no such file");
        return {0};
    }
    const std::vector<int> present = sequence.scan();
    if (present.empty()) throw Error(path + ": no frames of this sequence exist");
    return std::vector<int64_t>(present.begin(), present.end());
}

}  // namespace

SequenceSource::SequenceSource(const std::string& path, MediaKind kind, const FrameSourceOptions& options)
    : FrameSource(path, kind, FrameSequence::parse(path).isSequence(), framesOf(FrameSequence::parse(path), path)),
      sequence_(FrameSequence::parse(path)),
      options_(options) {}

std::string SequenceSource::fileOf(int64_t number) const {
    return sequence_.isSequence() ? sequence_.pathFor(int(number)) : path();
}

void SequenceSource::readFrame(int64_t number, Frame& frame) {
    const std::string file = fileOf(number);
    if (kind() == MediaKind::StillImage) readStillImage(file, frame);
    else readExrInto(file, {options_.layer, options_.keepHalf}, frame);
}

}  // namespace tinct
