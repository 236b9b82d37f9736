#pragma once
// What the station shows: the built-in sample footage, an EXR file or sequence, a movie, or DPX,
// TIFF or PNG scans. Frames are read on demand through the engine's readers; a file that cannot be
// read is an error naming it.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/color/Primaries.h"
#include "engine/io/Frame.h"

namespace tinct {

class FrameSource;
class GpuContext;
class PlanesToRgba;

class MediaSource {
public:
    // `path` empty: the sample footage at sampleWidth x sampleHeight, `sampleFrames` frames long.
    // Else an EXR file or sequence, a movie, or a DPX/TIFF/PNG file or sequence; decoded pictures are
    // converted to RGBA on `gpu`. Throws tinct::Error for a pattern with no frames or a file that
    // does not exist or does not decode.
    MediaSource(GpuContext& gpu, const std::string& path, int sampleWidth, int sampleHeight, int sampleFrames = 24);
    ~MediaSource();

    int frameCount() const { return int(numbers_.size()); }
    int frameNumber(int index) const { return numbers_.at(index); }  // as on disk (1001, ...)
    Frame load(int index) const;                                      // throws tinct::Error
    const std::string& name() const { return name_; }
    const std::string& path() const { return path_; }  // the file or pattern; empty for the sample
    bool isSample() const { return path_.empty(); }
    std::optional<Chromaticities> chromaticities() const;
    // The directory relative grade parameters resolve against when no grade file is given.
    std::string directory() const;

private:
    std::unique_ptr<FrameSource> source_;   // null for the sample footage
    std::unique_ptr<PlanesToRgba> toRgba_;  // movies and scans
    std::string path_, name_;
    std::vector<int> numbers_;
    int sampleWidth_, sampleHeight_;
};

}  // namespace tinct
