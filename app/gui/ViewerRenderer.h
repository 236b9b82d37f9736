#pragma once
// The GPU side of the viewer: the grade with colour management around it (an Evaluator over
// aroundGrade, so temporal grades play: its ring follows the playhead), the calibration LUT and viewer
// aids after the display transform, the reference for the split wipe, the scope of the display signal
// (ScopeEngine), and the composite of all of it into the window's background. Source frames are
// uploaded once each while they are in use. Programs are rebuilt only when the grade or the colour
// settings change (in the background when the structure changes); each frame otherwise only
// composites.
#include <array>
#include <future>
#include <list>
#include <memory>
#include <optional>
#include <string>

#include "app/gui/SurfaceFormatChoice.h"
#include "engine/color/ColorPipeline.h"
#include "engine/gpu/ComputeKernel.h"
#include "engine/gpu/GpuBuffer.h"
#include "engine/kernel/FrameProgram.h"
#include "engine/io/Frame.h"
#include "engine/scopes/ScopeEngine.h"

namespace tinct {

class Evaluator;
class GpuContext;
class MediaSource;
class UploadedFrames;

// Where things go in the window, in window pixels, and how the image maps into the viewer area.
struct CompositeLayout {
    int viewX = 0, viewY = 0, viewW = 0, viewH = 0;
    float originX = 0, originY = 0, scale = 1;  // image coordinate at the area's top-left; pixels per image pixel
    std::optional<float> wipe;                  // image x where the reference starts
    int scopeX = 0, scopeY = 0, scopeW = 0, scopeH = 0;  // scopeW 0: no scope shown
    bool operator==(const CompositeLayout&) const = default;
};

// Everything the programs are built from.
struct ViewerPrograms {
    PointSteps signal;     // grade + colour management: what the scopes and picker read
    PointSteps aids;       // point steps after it (range warning, calibration, false colour): what is shown
    PointSteps reference;  // colour management (and a still's grade), without aids: the wipe's other side
};

class ViewerRenderer {
public:
    // `media` says which frames are neighbours, `frames` holds them on the GPU; both must outlive the
    // renderer.
    ViewerRenderer(GpuContext& gpu, MediaSource& media, UploadedFrames& frames);
    ~ViewerRenderer();

    // The frame to show, by number. Throws tinct::Error when it cannot be read.
    void showFrame(int64_t number);
    // The frame the wipe's other side shows (a still's), or none: the frame shown.
    void setReferenceFrame(std::optional<int64_t> number);
    // A parameter edit updates the running kernels at once. A structure edit builds new programs on
    // a worker thread while the viewer goes on showing the last picture; poll() swaps them in.
    void setPrograms(const ViewerPrograms& programs);
    // Swaps in programs a background build finished. Returns its error when the build failed (a LUT
    // that does not load, say): the last good programs then stay.
    std::optional<std::string> poll();
    bool building() const { return build_.valid(); }
    // The viewer's scale (window pixels per image pixel). At 1/2 or less the viewer grades a
    // box-filtered proxy, 1/factor of the frame's size each way, where factor = floor(1 / scale) (at
    // most 8): the grade, scopes and composite then touch only about the pixels shown. Grades with
    // spatial or temporal steps (blur radii are in frame pixels; a ring of neighbours at one size)
    // always run on the whole frame.
    // `preview`: parameters are moving (edits in consecutive frames, a drag). On a CPU device
    // (lavapipe) the viewer then grades a coarser proxy, about 100 000 pixels, so a drag keeps
    // up; the first frame without an edit grades at the viewer's size again. A GPU needs no preview.
    void setViewScale(float scale, bool preview = false);
    void setScope(const ScopeOptions& options);
    void setPick(std::optional<std::array<int, 2>> pixel) { pick_ = pixel; }
    bool hasSource() const { return width_ > 0; }
    int width() const { return width_; }
    int height() const { return height_; }
    int proxyFactor() const { return factor_; }

    // Records this frame's work: grading where something changed (uploading the source frames it
    // needs), then the composite into `window`, packed for the swapchain `format`. Throws
    // tinct::Error when a frame cannot be read.
    void record(VkCommandBuffer cmd, const CompositeLayout& layout, VkBuffer window, int windowW, int windowH,
                const SurfaceFormatChoice& format);
    // After the frame completed: picks up the scope image and the picked pixel. True when the scope
    // changed, so that one more frame should be drawn to show it.
    bool afterFrame();

    // The display signal at the picked pixel (before calibration and aids), after afterFrame(); with
    // a proxy, the mean of the block the pixel lies in.
    std::optional<std::array<float, 4>> pickedSignal() const { return pickedSignal_; }
    const ScopeImage* scopeImage() const { return scopeImage_ ? &*scopeImage_ : nullptr; }

private:
    struct Programs {
        std::unique_ptr<Evaluator> graded, reference;
        std::unique_ptr<FrameProgram> aids;  // null: what is shown is the signal
    };
    struct Built {
        Programs programs;
        std::string error;
        uint64_t generation = 0;
    };
    uint32_t gradedW() const { return uint32_t((width_ + factor_ - 1) / factor_); }
    uint32_t gradedH() const { return uint32_t((height_ + factor_ - 1) / factor_); }
    void resizeGraded();           // buffers and programs for the graded size
    void prepare(Programs& programs, uint32_t width, uint32_t height) const;
    void startBuild(const ViewerPrograms& programs);
    // Source frame `number`'s proxy, made once for each factor while it is in use.
    VkBuffer proxied(VkCommandBuffer cmd, int64_t number);
    // Frame `number` through `evaluator` into `target`, feeding it the source frames it asks for.
    void evaluate(VkCommandBuffer cmd, Evaluator& evaluator, int64_t number, VkBuffer target);

    GpuContext& gpu_;
    MediaSource& media_;
    UploadedFrames& frames_;
    int64_t shown_ = -1;
    std::optional<int64_t> referenceFrame_;
    int width_ = 0, height_ = 0;
    int factor_ = 1, wantedFactor_ = 1;
    bool preview_ = false;
    struct Proxy {
        int64_t number;
        int factor;
        GpuBuffer frame;
    };
    std::list<Proxy> proxies_;  // most recent first
    GpuBuffer view_, signal_, reference_, referenceSignal_, scopeUpload_, pickDownload_, dummy_;
    Programs programs_;
    ViewerPrograms latest_;          // what was asked for last
    uint64_t generation_ = 0;        // of latest_
    std::future<Built> build_;
    std::unique_ptr<ScopeEngine> scopes_;
    std::unique_ptr<ComputeKernel> composite_, downscale_;
    std::optional<ScopeImage> scopeImage_;
    std::optional<std::array<int, 2>> pick_;
    std::optional<std::array<float, 4>> pickedSignal_;
    // What the window buffer holds from the last composite.
    struct Composited {
        std::array<int, 4> window{};  // size and packing
        VkBuffer buffer = VK_NULL_HANDLE;
        CompositeLayout layout;
        bool ready = false;
    } composited_;
    bool scopeChanged_ = false;
    bool gradeDirty_ = true, referenceDirty_ = true, scopeRecorded_ = false, pickRecorded_ = false;
};

}  // namespace tinct
