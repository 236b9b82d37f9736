#pragma once
// Frames that are files: an EXR, DPX, TIFF or PNG sequence named by a pattern, or one such file.
#include "engine/io/FrameSequence.h"
#include "engine/media/FrameSource.h"

namespace tinct {

class SequenceSource : public FrameSource {
public:
    // Throws tinct::Error naming the pattern when no frame of it exists, or the file when it does not.
    SequenceSource(const std::string& path, MediaKind kind, const FrameSourceOptions& options);
    std::string fileOf(int64_t number) const override;

private:
    void readFrame(int64_t number, Frame& frame) override;

    FrameSequence sequence_;
    FrameSourceOptions options_;
};

}  // namespace tinct
