#pragma once
// What the station shows: the built-in sample footage, an EXR file or sequence, a movie, or DPX,
// TIFF or PNG scans, through one FrameSource. Frames come as float RGBA (decoded planes converted on
// the GPU), the last few kept, so the viewer, the thumbnails and a temporal grade's neighbours read
// each frame once while the playhead moves about; a file that cannot be read is an error naming it.
#include <list>
#include <memory>
#include <optional>
#include <string>
#include <utility>
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
    // Any other source of frames, named `name` (tests, generated footage).
    MediaSource(GpuContext& gpu, std::unique_ptr<FrameSource> source, std::string name);
    ~MediaSource();

    const FrameSource& source() const { return *source_; }  // frame numbers, neighbours in time
    FrameSource& source() { return *source_; }
    int frameCount() const { return int(numbers_.size()); }
    int64_t frameNumber(int index) const { return numbers_.at(size_t(index)); }  // as on disk (1001, ...)
    // Frame `number` as float RGBA; valid until the next frame() call. Throws tinct::Error.
    const Frame& frame(int64_t number);
    Frame load(int index) { return frame(frameNumber(index)); }
    // Frames read from the source so far (the rest came from the frames kept): what playing back and
    // forth costs.
    int64_t reads() const { return reads_; }
    const std::string& name() const { return name_; }
    const std::string& path() const { return path_; }  // the file or pattern; empty for the sample
    bool isSample() const { return path_.empty(); }
    std::optional<Chromaticities> chromaticities() const;
    // The directory relative grade parameters resolve against when no grade file is given.
    std::string directory() const;

private:
    std::unique_ptr<FrameSource> source_;
    std::unique_ptr<PlanesToRgba> toRgba_;  // movies and scans
    std::string path_, name_;
    std::vector<int64_t> numbers_;
    std::list<std::pair<int64_t, Frame>> recent_;  // most recent first
    int64_t reads_ = 0;
};

}  // namespace tinct
