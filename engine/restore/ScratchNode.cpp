// scratch: vertical line scratches, dark or light, one to five pixels wide, straight or slowly
// drifting, often partly transparent. A scratch is faint at any one pixel and plain along its
// length: the evidence that a column stands out from its sides as a line is pooled over bands of
// rows (shaders/scratch_rows.comp), over the window's frames, in which the scratch keeps its place
// while the picture moves (scratch_frames), and over neighbouring bands (scratch_lines). The repair
// undoes the scratch's own veil, a gain and offset per column fitted along its length, and keeps
// the picture under it (scratch_fill). Outside the scratches the frame is untouched, bit for bit.
#include <algorithm>
#include <cmath>
#include <memory>

#include "engine/Error.h"
#include "engine/gpu/ComputeKernel.h"
#include "engine/gpu/EmbeddedShaders.h"
#include "engine/gpu/GpuBuffer.h"
#include "engine/kernel/FrameStep.h"
#include "engine/restore/RepairChoices.h"
#include "engine/restore/RestorationNodes.h"
#include "engine/restore/ShotWindow.h"
#include "engine/restore/StampSlots.h"
#include "engine/restore/StorageBindings.h"

namespace tinct {

namespace {

constexpr int kMaxRadius = 8;   // frames either side; scratch_frames sorts up to 17
constexpr int kBandRows = 32;   // rows pooled per band (scratch_rows' workgroup)
constexpr int kClasses = 3;     // line widths looked for: up to 2, 3 and 5 pixels
constexpr int kReach = 32;      // rows either side the veil is fitted over

struct ScratchSettings {
    int radius = 3;
    float threshold = 0.012f;
    uint32_t polarity = 0;
    int maxClass = kClasses - 1;
    uint32_t view = 0;
};

struct RowsPush {
    int32_t width, height, bands, slot;
};
struct FramesPush {
    uint32_t count, rowPitch, frames;
    uint32_t slots[2 * kMaxRadius + 1];  // where each frame's evidence is kept
};
struct LinesPush {
    int32_t width, bands, rowPitch, maxClass;
    float threshold;
    uint32_t polarity;
};
struct FillPush {
    int32_t width, height, reach;
    uint32_t view;
};

uint32_t bandsOf(uint32_t height) { return (height + kBandRows - 1) / kBandRows; }

class ScratchStep : public FrameStep {
public:
    ScratchStep(ScratchSettings s, FrameKind output) : s_(s), output_(output) {}
    std::string describe() const override { return output_ == FrameKind::Matte ? "scratch repair matte" : "scratch repair"; }
    // Down: the bands pooled and the rows the veil is fitted over. In time: twice the window, which
    // keeps inside the shot (ShotWindow.h).
    Footprint footprint() const override { return {uint32_t(3 * kBandRows + kReach), uint32_t(2 * s_.radius)}; }
    FrameKind outputKind() const override { return output_; }
    std::string structure() const override {
        return std::string(output_ == FrameKind::Matte ? "scratch matte " : "scratch ") + std::to_string(s_.radius);
    }
    bool repairs() const override { return true; }
    std::string passes() const override {
        return "line evidence of each of the " + std::to_string(2 * s_.radius + 1) +
               " frames (kept for the next frames), pooled, centres, repair";
    }
    std::unique_ptr<FrameStepKernel> makeKernel(GpuContext& gpu) const override;
    // Line widths and band heights are the picture's; a smaller one keeps them (thinner lines are
    // still lines).
    std::shared_ptr<const FrameStep> scaled(double) const override { return std::make_shared<ScratchStep>(s_, output_); }
    const ScratchSettings& settings() const { return s_; }

private:
    ScratchSettings s_;
    FrameKind output_;
};

class ScratchKernel : public FrameStepKernel {
public:
    ScratchKernel(GpuContext& gpu, const ScratchStep& step)
        : gpu_(gpu),
          rows_(gpu, shaders::spirv("scratch_rows"), storageLayout(2), sizeof(RowsPush), "scratch_rows"),
          frames_(gpu, shaders::spirv("scratch_frames"), storageLayout(2), sizeof(FramesPush), "scratch_frames"),
          lines_(gpu, shaders::spirv("scratch_lines"), storageLayout(2), sizeof(LinesPush), "scratch_lines"),
          fill_(gpu, shaders::spirv(step.outputKind() == FrameKind::Matte ? "scratch_fill_matte" : "scratch_fill_rgba"),
                storageLayout(3), sizeof(FillPush), "scratch_fill") {
        update(step);
    }

    void update(const FrameStep& step) override { s_ = static_cast<const ScratchStep&>(step).settings(); }

    void prepare(uint32_t width, uint32_t height) override {
        if (width == width_ && height == height_) return;
        width_ = width, height_ = height;
        const size_t evidence = size_t(kClasses) * bandsOf(height) * width * sizeof(float);
        window_ = GpuBuffer(gpu_, evidence, BufferUse::Device);
        centres_ = GpuBuffer(gpu_, size_t(bandsOf(height)) * width * 2 * sizeof(float), BufferUse::Device);
        // Room for two windows: the one being made, and what the next ones will want again. (A
        // step of another window is another structure: the Evaluator makes a new kernel for it.)
        slots_.reset(size_t(2 * (2 * s_.radius + 1)));
        profiles_ = GpuBuffer(gpu_, evidence * slots_.size(), BufferUse::Device);
    }

    // At most: a frame whose evidence is kept is not measured again.
    uint32_t dispatches() const override { return uint32_t(2 * s_.radius + 1) + 3; }

    void record(VkCommandBuffer cmd, const FrameStepIo& io) const override {
        const std::vector<size_t> window = windowWithinShot(io.inputs, s_.radius).slots;
        const uint32_t bands = bandsOf(io.height);
        const uint32_t evidence = uint32_t(kClasses) * bands * io.width;
        const LinearGroups eg = linearGroups(gpu_, evidence, 256);
        FramesPush fp{evidence, eg.rowPitch, uint32_t(window.size()), {}};
        std::vector<bool> taken(slots_.size(), false);
        for (size_t f = 0; f < window.size(); ++f) {
            const uint64_t stamp = window[f] < io.stamps.size() ? io.stamps[window[f]] : 0;
            const size_t slot = slots_.slotFor(stamp, taken);
            fp.slots[f] = uint32_t(slot);
            if (slots_.holds(slot, stamp)) continue;  // measured for an earlier frame
            slots_.keep(slot, stamp);
            const RowsPush p{int32_t(io.width), int32_t(io.height), int32_t(bands), int32_t(slot)};
            const Binding b[] = {storageBinding(io.inputs[window[f]]), storageBinding(profiles_.handle())};
            rows_.record(cmd, b, &p, (io.width + 7) / 8, bands);
        }
        computeBarrier(cmd);
        const Binding fb[] = {storageBinding(profiles_.handle()), storageBinding(window_.handle())};
        frames_.record(cmd, fb, &fp, eg.x, eg.y);
        computeBarrier(cmd);
        const LinearGroups lg = linearGroups(gpu_, bands * io.width, 256);
        const LinesPush lp{int32_t(io.width), int32_t(bands), int32_t(lg.rowPitch), s_.maxClass, s_.threshold, s_.polarity};
        const Binding lb[] = {storageBinding(window_.handle()), storageBinding(centres_.handle())};
        lines_.record(cmd, lb, &lp, lg.x, lg.y);
        computeBarrier(cmd);
        const FillPush pp{int32_t(io.width), int32_t(io.height), kReach, s_.view};
        const Binding pb[] = {storageBinding(io.inputs[io.inputs.size() / 2]), storageBinding(centres_.handle()),
                              storageBinding(io.output)};
        fill_.record(cmd, pb, &pp, (io.width + 15) / 16, (io.height + 15) / 16);
    }

    // The fill's matte variant on the lines just found, made only when repairs are counted.
    VkBuffer repairMatte(VkCommandBuffer cmd, const FrameStepIo& io) const override {
        if (!matteFill_)
            matteFill_ = std::make_unique<ComputeKernel>(gpu_, shaders::spirv("scratch_fill_matte"), storageLayout(3),
                                                         sizeof(FillPush), "scratch_fill_matte");
        const size_t bytes = size_t(io.width) * io.height * sizeof(float);
        if (matte_.size() < bytes) matte_ = GpuBuffer(gpu_, bytes, BufferUse::Device);
        const FillPush pp{int32_t(io.width), int32_t(io.height), kReach, 0};
        const Binding pb[] = {storageBinding(io.inputs[io.inputs.size() / 2]), storageBinding(centres_.handle()),
                              storageBinding(matte_.handle())};
        matteFill_->record(cmd, pb, &pp, (io.width + 15) / 16, (io.height + 15) / 16);
        computeBarrier(cmd);
        return matte_.handle();
    }

private:
    // A frame's line evidence depends on that frame alone, not on the frame being made: it is kept,
    // under the stamp of the ring frame it came from, for the frames after it whose windows take it
    // in (a render in order measures one new frame each, instead of the whole window).
    GpuContext& gpu_;
    ScratchSettings s_;
    ComputeKernel rows_, frames_, lines_, fill_;
    uint32_t width_ = 0, height_ = 0;
    GpuBuffer window_, centres_, profiles_;
    mutable StampSlots slots_;
    mutable std::unique_ptr<ComputeKernel> matteFill_;  // repairMatte's, and its matte
    mutable GpuBuffer matte_;
};

std::unique_ptr<FrameStepKernel> ScratchStep::makeKernel(GpuContext& gpu) const {
    return std::make_unique<ScratchKernel>(gpu, *this);
}

ScratchSettings settingsOf(const NodeParams& p) {
    ScratchSettings s;
    s.radius = p.wholeNumber("window", "frames");
    s.threshold = float(0.004 + 0.016 * (1.0 - p.number("sensitivity")));
    s.polarity = choiceIndex(repairPolarities(), p.text("polarity"));
    const int width = p.wholeNumber("max_width", "pixels");
    s.maxClass = width <= 2 ? 0 : width <= 3 ? 1 : 2;
    s.view = choiceIndex(repairViews(), p.text("view"));
    return s;
}

}  // namespace

NodeType scratchNodeType() {
    NodeType t;
    t.name = "scratch";
    t.description = "vertical line scratches, dark or light, 1 to 5 pixels wide, straight or slowly drifting: found "
                    "along their length and over frames, and undone, keeping the picture under them";
    t.kind = NodeKind::Temporal;
    t.params = {
        {"window", ParamType::Number, 0, kMaxRadius, {3}, "slider", {}, "frames either side whose evidence is pooled (0: this frame only)"},
        {"sensitivity", ParamType::Number, 0, 1, {0.5}, "slider", {}, "how faint a line counts as a scratch"},
        {"polarity", ParamType::Choice, 0, 0, {}, "menu", repairPolarities(), "dark scratches, light ones, or both"},
        {"max_width", ParamType::Number, 1, 5, {5}, "slider", {}, "pixels: wider lines are taken for picture"},
        {"view", ParamType::Choice, 0, 0, {}, "menu", repairViews(), "the repaired frame, the repair matte, or the repair shown in red"},
    };
    t.makeStep = [](const NodeParams& p, const NodeContext&) -> std::shared_ptr<const PointStep> {
        return std::make_shared<ScratchStep>(settingsOf(p), FrameKind::Rgba);
    };
    t.makeMatteStep = [](const NodeParams& p, const NodeContext&) -> std::shared_ptr<const PointStep> {
        return std::make_shared<ScratchStep>(settingsOf(p), FrameKind::Matte);
    };
    return t;
}

}  // namespace tinct
