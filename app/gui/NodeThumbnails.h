#pragma once
// Node thumbnails for the node editor: for each node of the grade (and the source), what the
// picture looks like at that node's output through the viewer's colour management
// (app/gui/ThumbnailSteps), graded on small copies of the source frames made on the GPU
// (app/gui/ThumbnailShrink) and put into the window buffer under the node editor's boxes
// (app/gui/ThumbnailBlit). A temporal node's thumbnail is made from small copies of its neighbours.
//
// The cost stays bounded: one Evaluator per node, kept between edits. A thumbnail is made again
// only when what it depends on changed (the nodes up to it, the colour settings, the source frame),
// so an edit re-renders the edited node and those after it, nothing else. A parameter edit goes
// into the existing program (Evaluator::update) with no compile; a structure edit compiles the
// new programs on a worker thread, as the viewer does, while the old thumbnails stay on screen.
// During a drag (edits in consecutive frames) the thumbnails follow at a bounded rate, so that the
// viewer, which the colorist is watching, keeps its frame rate; they catch up when the drag stops.
#include <vulkan/vulkan.h>

#include <array>
#include <chrono>
#include <future>
#include <list>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "app/gui/SurfaceFormatChoice.h"
#include "app/gui/ThumbnailBlit.h"
#include "app/gui/ThumbnailShrink.h"
#include "engine/color/ColorPipeline.h"
#include "engine/gpu/GpuBuffer.h"
#include "engine/graph/Evaluator.h"
#include "engine/graph/Grade.h"

namespace tinct {

class GpuContext;
class MediaSource;
class UploadedFrames;

// The key of the node editor's output box (its kOutputBox) in the rectangles given to record(): it
// shows the thumbnail of the grade's output node (the source's for an empty grade).
constexpr const char* kOutputThumbnail = "#output";

class NodeThumbnails {
public:
    // Thumbnails `width` pixels wide (less for a narrower source), keeping the source's aspect, of
    // `media`'s frames (held on the GPU by `frames`); both must outlive the thumbnails.
    NodeThumbnails(GpuContext& gpu, MediaSource& media, UploadedFrames& frames, int width = 128);
    ~NodeThumbnails();
    NodeThumbnails(const NodeThumbnails&) = delete;
    NodeThumbnails& operator=(const NodeThumbnails&) = delete;

    // The frame to show, by number: every thumbnail is drawn again from small copies of it (and its
    // neighbours, for temporal nodes), made on the GPU. Returns what failed as setGrade does (a
    // source of a new size remakes the thumbnails' steps). Throws tinct::Error when the frame cannot
    // be read. Between frames only.
    std::string showFrame(int64_t number);
    // The grade and the colour plan the viewer uses; `colourChanged`: the plan differs from the last
    // one. Programs of removed nodes are dropped. A node whose thumbnail cannot be made (a LUT that
    // does not load) shows none; the first such failure is returned, "" when there is none. While a
    // build is in flight the grade is kept and taken up when it lands. An edit in the frame after
    // another (a drag) is taken up only when ten times what the last one cost has passed since,
    // and at least kDragInterval (at most 500 ms): on lavapipe one thumbnail costs about as much as
    // a tenth of a preview frame, so during a drag they follow about ten times a second. Between
    // frames only.
    std::string setGrade(const Grade& grade, const ColorPlan& plan, const std::string& baseDirectory, bool colourChanged);
    // Once a frame, after setGrade: takes up an edit held back when a frame passed without another
    // (the drag stopped), swaps in programs a background build finished, and takes up edits made
    // meanwhile. Returns what failed, as setGrade does. Cheap when nothing is waiting.
    std::string poll();
    // Programs compiling in the background.
    bool building() const { return build_.valid(); }
    // Nothing held back or compiling: the thumbnails show the last grade given.
    bool settled() const { return !building() && !held_; }
    // Takes up a held-back edit and waits for builds in flight (tests and benchmarks; the station polls).
    std::string settle();

    // Records the renders of thumbnails that changed, then the node editor's canvas (window pixels
    // {x, y, w, h}) and each thumbnail at its rectangle, keyed by node id, kSourceInput or
    // kOutputThumbnail, into `window`, packed for the swapchain `format`. After the viewer composite;
    // writes the window only when something there changed (ThumbnailBlit::record).
    void record(VkCommandBuffer cmd, const std::array<float, 4>& canvas,
                const std::map<std::string, std::array<float, 4>>& rects, VkBuffer window, int windowW, int windowH,
                const SurfaceFormatChoice& format);

    int width() const { return width_; }
    int height() const { return height_; }

    // Since construction, for tests and benchmarks: programs compiled, programs that took new
    // parameter values with no compile, thumbnails rendered, passes that wrote the window.
    struct Counts {
        size_t built = 0, updated = 0, rendered = 0, blits = 0;
    };
    const Counts& counts() const { return counts_; }

private:
    struct Thumbnail {
        std::vector<GradeNode> inputs;  // the nodes it was made from (thumbnailInputs)
        float scale = 0;                // spatial scale it was made with
        std::unique_ptr<Evaluator> program;
        GpuBuffer image;                // RGBA32F display code values, width_ x height_
        bool dirty = true;              // to be rendered
    };
    // A program to compile on the worker, and what it is made from.
    struct Job {
        std::string id;
        PointSteps steps;
        std::vector<GradeNode> inputs;
        float scale = 0;
        std::unique_ptr<Evaluator> program;  // the worker's result
        std::string error;
    };
    struct Build {
        std::vector<Job> jobs;
        int width = 0, height = 0;  // what the programs were prepared for
    };

    std::string apply();
    std::string rebuild(bool all);
    void install(Thumbnail& t, std::vector<GradeNode> inputs, float scale);
    float spatialScale() const { return sourceWidth_ > 0 ? float(width_) / float(sourceWidth_) : 1.0f; }
    std::unique_ptr<Evaluator> makeProgram(const PointSteps& steps, int width, int height) const;
    // Source frame `number` made small, once while it is in use.
    VkBuffer small(VkCommandBuffer cmd, int64_t number);

    GpuContext& gpu_;
    MediaSource& media_;
    UploadedFrames& frames_;
    int wanted_;
    int width_ = 0, height_ = 0, sourceWidth_ = 0, sourceHeight_ = 0;
    int64_t shown_ = -1;
    struct Small {
        int64_t number;
        GpuBuffer frame;
    };
    std::list<Small> smalls_;  // most recent first
    ThumbnailShrink shrink_;
    Grade grade_;
    ColorPlan plan_;
    std::string baseDirectory_;
    bool hasGrade_ = false;
    bool pending_ = false, pendingAll_ = false;  // rebuild once the build in flight lands
    bool held_ = false, heldAll_ = false;        // an edit of a drag not taken up yet
    int64_t frame_ = 0, editFrame_ = -2;         // poll() counts frames; the last one with an edit
    std::chrono::steady_clock::time_point appliedAt_{};
    std::chrono::steady_clock::duration heldFor_{};  // how long a drag's edits wait (see setGrade)
    std::map<std::string, Thumbnail> thumbnails_;
    std::future<Build> build_;
    ThumbnailBlit blit_;
    Counts counts_;
};

}  // namespace tinct
