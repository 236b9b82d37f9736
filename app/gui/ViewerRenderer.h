#pragma once
// The GPU side of the viewer: the source frame uploaded once, the grade with colour management
// around it (FrameProgram over aroundGrade), the calibration LUT and viewer aids after the display
// transform, the ungraded reference for the split wipe, the scope of the display signal
// (ScopeEngine), and the composite of all of it into the window's background. Programs are rebuilt
// only when the grade or the colour settings change; each frame otherwise only composites.
#include <array>
#include <memory>
#include <optional>
#include <string>

#include "engine/color/ColorPipeline.h"
#include "engine/gpu/ComputeKernel.h"
#include "engine/gpu/GpuBuffer.h"
#include "engine/graph/FrameProgram.h"
#include "engine/io/Frame.h"
#include "engine/scopes/ScopeEngine.h"

namespace tinct {

class GpuContext;

// Where things go in the window, in window pixels, and how the image maps into the viewer area.
struct CompositeLayout {
    int viewX = 0, viewY = 0, viewW = 0, viewH = 0;
    float originX = 0, originY = 0, scale = 1;  // image coordinate at the area's top-left; pixels per image pixel
    std::optional<float> wipe;                  // image x where the reference starts
    int scopeX = 0, scopeY = 0, scopeW = 0, scopeH = 0;  // scopeW 0: no scope shown
};

// Everything the programs are built from.
struct ViewerPrograms {
    PointSteps view;       // grade + colour management + calibration + aids: what the viewer shows
    PointSteps signal;     // grade + colour management: what the scopes and picker read
    PointSteps reference;  // colour management + calibration, no grade: the wipe's other side
    bool aids = false;     // signal differs from view
};

class ViewerRenderer {
public:
    explicit ViewerRenderer(GpuContext& gpu);
    ~ViewerRenderer();

    void setSource(const Frame& frame);
    // The frame the wipe's other side shows (a still's), or none: the viewer's own source. Must be
    // the source's size; a still of another size is refused with tinct::Error.
    void setReferenceSource(const Frame* frame);
    void setPrograms(const ViewerPrograms& programs);  // throws tinct::Error; keeps the old ones then
    void setScope(const ScopeOptions& options);
    void setPick(std::optional<std::array<int, 2>> pixel) { pick_ = pixel; }
    bool hasSource() const { return width_ > 0; }
    int width() const { return width_; }
    int height() const { return height_; }

    // Records this frame's work: grading where something changed, then the composite into `window`.
    void record(VkCommandBuffer cmd, const CompositeLayout& layout, VkBuffer window, int windowW, int windowH,
                bool bgr);
    // After the frame completed: picks up the scope image and the picked pixel. True when the scope
    // changed, so that one more frame should be drawn to show it.
    bool afterFrame();

    // The display signal at the picked pixel (before calibration and aids), after afterFrame().
    std::optional<std::array<float, 4>> pickedSignal() const { return pickedSignal_; }
    const ScopeImage* scopeImage() const { return scopeImage_ ? &*scopeImage_ : nullptr; }
    // The frame buffer of the display signal, for tests and benchmarks through the station.
    double lastGradeMs() const { return lastGradeMs_; }

private:
    GpuContext& gpu_;
    int width_ = 0, height_ = 0;
    GpuBuffer source_, referenceSource_, view_, signal_, reference_, scopeUpload_, pickDownload_, dummy_;
    std::unique_ptr<FrameProgram> viewProgram_, signalProgram_, referenceProgram_;
    std::unique_ptr<ScopeEngine> scopes_;
    std::unique_ptr<ComputeKernel> composite_;
    std::optional<ScopeImage> scopeImage_;
    std::optional<std::array<int, 2>> pick_;
    std::optional<std::array<float, 4>> pickedSignal_;
    bool ownReferenceSource_ = false;
    bool gradeDirty_ = true, referenceDirty_ = true, scopeRecorded_ = false, pickRecorded_ = false;
    double lastGradeMs_ = 0;
};

}  // namespace tinct
