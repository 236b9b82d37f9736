#pragma once
// Frame n of any media, in any order: the one way every consumer (renders, scopes, the viewer,
// thumbnails, probes, tests) reads frames. An EXR, DPX, TIFF or PNG sequence by its frame numbers,
// a single file as one frame, a movie by its frame index (frame n is the picture shown at n / rate).
// The source also says which frames are neighbours in time, for temporal steps: frames mirror at the
// clip's ends, and frames across a cut or a gap in a sequence's numbers are not neighbours.
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "engine/io/Frame.h"
#include "engine/media/MediaKind.h"

namespace tinct {

struct MovieInfo;

struct FrameSourceOptions {
    std::string layer;     // EXR layer or part; "" the RGBA layer of the first part
    bool keepHalf = true;  // half-float EXR sources stay half, for a GPU that converts them itself
};

class FrameSource {
public:
    virtual ~FrameSource() = default;

    const std::string& path() const { return path_; }  // the file, pattern or movie as given
    MediaKind kind() const { return kind_; }
    bool isSequence() const { return sequence_; }      // frames are files of a pattern (or a movie's frames)
    // The frame numbers that exist, ascending: a sequence's on disk, a movie's 0 .. N-1, a single
    // file's one (0).
    const std::vector<int64_t>& frames() const { return frames_; }
    bool has(int64_t number) const;
    // The file frame `number` is in: a sequence's file for it, else the path.
    virtual std::string fileOf(int64_t number) const { return path_; }
    // The movie's description, for movies.
    virtual const MovieInfo* movie() const { return nullptr; }

    // Frame `number` into `frame`, reusing its memory: RGBA (float, or half when kept) for EXR, the
    // decoded planes for movies and scans. Every frame of a source has the size of the first one
    // read; another size is refused. Throws tinct::Error naming the file and the frame. Safe from
    // several threads; parallelReads() says whether they gain (sequences) or take turns (movies).
    void read(int64_t number, Frame& frame);
    virtual bool parallelReads() const { return true; }

    // The frames that start a new shot (a cut list from the media, later an EDL).
    const std::vector<int64_t>& cuts() const { return cuts_; }
    void setCuts(std::vector<int64_t> cuts);
    // The frame `offset` frames from `number` as temporal steps see it: within its shot (the frames
    // between cuts, clip ends and gaps in the numbers), mirrored at the shot's ends (n-1 of the first
    // frame is its second), and the frame itself for a shot of one frame.
    int64_t neighbour(int64_t number, int offset) const;

protected:
    FrameSource(std::string path, MediaKind kind, bool sequence, std::vector<int64_t> frames);
    virtual void readFrame(int64_t number, Frame& frame) = 0;

private:
    std::string path_;
    MediaKind kind_;
    bool sequence_;
    std::vector<int64_t> frames_;
    std::vector<int64_t> cuts_;
    std::mutex sizeMutex_;
    std::optional<std::pair<int, int>> size_;  // of the first frame read
    int64_t sizedBy_ = 0;
};

// Opens `path`: an EXR, DPX, TIFF or PNG file or sequence pattern, or a movie (whose frame index is
// built here). Throws tinct::Error naming the path: no such file, no frames of the pattern, not a
// format Tinct reads, a movie that cannot be opened.
std::unique_ptr<FrameSource> openFrameSource(const std::string& path, const FrameSourceOptions& options = {});

}  // namespace tinct
