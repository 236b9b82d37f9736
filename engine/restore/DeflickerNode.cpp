// deflicker: exposure flicker and colour breathing, global and local. Each region of frame n (a
// block of about 32 to 64 pixels) is compared with the same picture content in the frames of the
// window, found along motion fields (shaders/deflicker_stats.comp), and given the gain and offset
// that take it to their mean level (deflicker_frames, deflicker_solve); regions none could be given
// take their neighbours' (deflicker_fill), and the corrections are interpolated per pixel between
// region centres (deflicker_apply). The window keeps within the shot: cuts told by the source move
// it, cuts found (few regions match) stop it.
#include <algorithm>
#include <cmath>

#include "engine/Error.h"
#include "engine/gpu/ComputeKernel.h"
#include "engine/gpu/EmbeddedShaders.h"
#include "engine/gpu/GpuBuffer.h"
#include "engine/kernel/FrameStep.h"
#include "engine/restore/MotionEstimator.h"
#include "engine/restore/RepairChoices.h"
#include "engine/restore/RestorationNodes.h"
#include "engine/restore/ShotWindow.h"
#include "engine/restore/StorageBindings.h"

namespace tinct {

namespace {

constexpr int kMaxRadius = 8;             // frames either side; the footprint reaches twice as far
constexpr int kMaxSamplesAcross = 64;     // per region each way; larger regions are sampled sparser
constexpr float kMaxResidual = 0.05f;     // a region's luma left after matching levels: grain, a fraction of a pixel off
constexpr float kMinCorrelation = 0.9f;   // or textures this alike
constexpr float kMinFrameFraction = 0.5f; // fewer regions matching: a cut
constexpr float kFlat = 0.01f;            // deviations below this say little about gain

const std::vector<std::string>& channelModes() {
    static const std::vector<std::string> m = {"rgb", "luma"};
    return m;
}
const std::vector<std::string>& views() {
    static const std::vector<std::string> v = {"repaired", "correction"};
    return v;
}

struct DeflickerSettings {
    int radius = 5;
    int regionSize = 32;
    bool lumaOnly = false;
    float strength = 1.0f;
    uint32_t view = 0;
};

struct StatsPush {
    int32_t width, height, blocksX, blocksY, level, hasField, regionSize, regionsX, regionsY, step, slot;
};
struct FramesPush {
    int32_t regions;
    float maxResidual, minCorrelation;
};
struct SolvePush {
    int32_t regions, before, after;
    float minFrameFraction, flat, strength;
    int32_t lumaOnly;
};
struct FillPush {
    int32_t regionsX, regionsY;
};
struct ApplyPush {
    int32_t width, height, regionSize, regionsX, regionsY;
    uint32_t view;
};

// Frames of the window differ in level by the flicker itself: motion is matched with block levels
// equalised.
MotionSettings levelMatched() {
    MotionSettings m;
    m.matchLevels = true;
    return m;
}

uint32_t groups(uint32_t n, uint32_t size) { return (n + size - 1) / size; }

class DeflickerStep : public FrameStep {
public:
    explicit DeflickerStep(DeflickerSettings s) : s_(s) {}
    std::string describe() const override { return "deflicker over " + std::to_string(2 * s_.radius + 1) + " frames"; }
    Footprint footprint() const override { return {uint32_t(s_.regionSize), uint32_t(2 * s_.radius)}; }
    std::string structure() const override {
        return "deflicker " + std::to_string(s_.radius) + " " + std::to_string(s_.regionSize);
    }
    std::string passes() const override {
        return "motion to the " + std::to_string(2 * s_.radius) + " frames around at region scale, region levels, "
               "gains and offsets, filling, application";
    }
    std::unique_ptr<FrameStepKernel> makeKernel(GpuContext& gpu) const override;
    std::shared_ptr<const FrameStep> scaled(double factor) const override {
        DeflickerSettings s = s_;
        s.regionSize = std::max(8, int(std::lround(s.regionSize * factor)));
        return std::make_shared<DeflickerStep>(s);
    }
    const DeflickerSettings& settings() const { return s_; }

private:
    DeflickerSettings s_;
};

class DeflickerKernel : public FrameStepKernel {
public:
    DeflickerKernel(GpuContext& gpu, const DeflickerStep& step)
        : gpu_(gpu), motion_(gpu, levelMatched()),
          statsKernel_(gpu, shaders::spirv("deflicker_stats"), storageLayout(4), sizeof(StatsPush), "deflicker_stats"),
          framesKernel_(gpu, shaders::spirv("deflicker_frames"), storageLayout(2), sizeof(FramesPush), "deflicker_frames"),
          solveKernel_(gpu, shaders::spirv("deflicker_solve"), storageLayout(3), sizeof(SolvePush), "deflicker_solve"),
          fillKernel_(gpu, shaders::spirv("deflicker_fill"), storageLayout(2), sizeof(FillPush), "deflicker_fill"),
          applyKernel_(gpu, shaders::spirv("deflicker_apply"), storageLayout(3), sizeof(ApplyPush), "deflicker_apply") {
        update(step);
    }

    // The window and region size are the structure (they size the buffers); the rest is taken here.
    void update(const FrameStep& step) override { s_ = static_cast<const DeflickerStep&>(step).settings(); }

    void prepare(uint32_t width, uint32_t height) override {
        if (width == width_ && height == height_) return;
        width_ = width, height_ = height;
        motion_.prepare(width, height, uint32_t(slots()));
        regionsX_ = groups(width, uint32_t(s_.regionSize)), regionsY_ = groups(height, uint32_t(s_.regionSize));
        // Motion per region, not per pixel: blocks of at most half a region.
        level_ = motion_.levelForBlock(uint32_t(std::max(8, s_.regionSize / 2)));
        fields_.clear();
        for (int k = 0; k < 2 * s_.radius; ++k) fields_.emplace_back(gpu_, motion_.fieldBytes(level_), BufferUse::Device);
        const size_t regions = size_t(regionsX_) * regionsY_;
        stats_ = GpuBuffer(gpu_, slots() * regions * 5 * 16, BufferUse::Device);
        frameFractions_ = GpuBuffer(gpu_, slots() * 4, BufferUse::Device);
        raw_ = GpuBuffer(gpu_, regions * 2 * 16, BufferUse::Device);
        filled_ = GpuBuffer(gpu_, regions * 2 * 16, BufferUse::Device);
    }

    uint32_t dispatches() const override {
        return uint32_t(slots() * motion_.levels() + 2 * s_.radius * 2 * (motion_.levels() - level_) + slots() + 4);
    }

    void record(VkCommandBuffer cmd, const FrameStepIo& io) const override {
        const ShotWindow window = windowWithinShot(io.inputs, s_.radius);
        const size_t used = window.slots.size();
        for (size_t e = 0; e < used; ++e) motion_.recordPyramid(cmd, io.inputs[window.slots[e]], e);
        computeBarrier(cmd);
        for (size_t e = 1; e < used; ++e) {
            motion_.recordField(cmd, 0, e, fields_[e - 1].handle(), level_);
            computeBarrier(cmd);
        }
        const VkBuffer current = io.inputs[window.slots[0]];
        const int step = std::max(1, (s_.regionSize + kMaxSamplesAcross - 1) / kMaxSamplesAcross);
        for (size_t e = 0; e < used; ++e) {
            const StatsPush sp{int32_t(io.width), int32_t(io.height), int32_t(motion_.blocksX(level_)), int32_t(motion_.blocksY(level_)),
                               int32_t(level_), e == 0 ? 0 : 1, s_.regionSize, int32_t(regionsX_), int32_t(regionsY_), step, int32_t(e)};
            const Binding b[] = {storageBinding(current), storageBinding(io.inputs[window.slots[e]]),
                                 storageBinding(fields_[e == 0 ? 0 : e - 1].handle()), storageBinding(stats_.handle())};
            statsKernel_.record(cmd, b, &sp, groups(regionsX_ * regionsY_, 64), 1);
        }
        computeBarrier(cmd);
        const int32_t regions = int32_t(regionsX_ * regionsY_);
        const FramesPush fp{regions, kMaxResidual, kMinCorrelation};
        const Binding fb[] = {storageBinding(stats_.handle()), storageBinding(frameFractions_.handle())};
        framesKernel_.record(cmd, fb, &fp, uint32_t(used), 1);
        computeBarrier(cmd);
        const SolvePush sv{regions, window.before, window.after, kMinFrameFraction, kFlat, s_.strength, s_.lumaOnly ? 1 : 0};
        const Binding sb[] = {storageBinding(stats_.handle()), storageBinding(frameFractions_.handle()),
                              storageBinding(raw_.handle())};
        solveKernel_.record(cmd, sb, &sv, groups(uint32_t(regions), 64), 1);
        computeBarrier(cmd);
        const FillPush mp{int32_t(regionsX_), int32_t(regionsY_)};
        const Binding mb[] = {storageBinding(raw_.handle()), storageBinding(filled_.handle())};
        fillKernel_.record(cmd, mb, &mp, groups(regionsX_, 8), groups(regionsY_, 8));
        computeBarrier(cmd);
        const ApplyPush ap{int32_t(io.width), int32_t(io.height), s_.regionSize, int32_t(regionsX_), int32_t(regionsY_), s_.view};
        const Binding ab[] = {storageBinding(current), storageBinding(filled_.handle()), storageBinding(io.output)};
        applyKernel_.record(cmd, ab, &ap, groups(io.width, 16), groups(io.height, 16));
    }

private:
    size_t slots() const { return size_t(2 * s_.radius + 1); }  // frames of the window, n among them

    GpuContext& gpu_;
    DeflickerSettings s_;
    MotionEstimator motion_;
    ComputeKernel statsKernel_, framesKernel_, solveKernel_, fillKernel_, applyKernel_;
    uint32_t width_ = 0, height_ = 0, regionsX_ = 0, regionsY_ = 0;
    size_t level_ = 0;
    std::vector<GpuBuffer> fields_;
    GpuBuffer stats_, frameFractions_, raw_, filled_;
};

std::unique_ptr<FrameStepKernel> DeflickerStep::makeKernel(GpuContext& gpu) const {
    return std::make_unique<DeflickerKernel>(gpu, *this);
}

DeflickerSettings settingsOf(const NodeParams& p) {
    DeflickerSettings s;
    s.radius = p.wholeNumber("window", "frames");
    s.regionSize = p.wholeNumber("region_size", "pixels");
    s.lumaOnly = p.text("channels") == "luma";
    s.strength = float(p.number("strength"));
    s.view = choiceIndex(views(), p.text("view"));
    return s;
}

}  // namespace

NodeType deflickerNodeType() {
    NodeType t;
    t.name = "deflicker";
    t.description = "exposure flicker and colour breathing: each region taken to the mean level of the frames "
                    "around it, following the motion, stopping at cuts";
    t.kind = NodeKind::Temporal;
    t.params = {
        {"window", ParamType::Number, 1, kMaxRadius, {5}, "slider", {}, "frames either side whose level is averaged (near a cut, the window moves inside the shot)"},
        {"region_size", ParamType::Number, 16, 1024, {32}, "slider", {},
         "pixels: the size of the regions corrected apart (larger: flicker is taken as more global)"},
        {"channels", ParamType::Choice, 0, 0, {}, "menu", channelModes(),
         "a gain and offset per channel (colour breathing too), or one from luma for all"},
        {"strength", ParamType::Number, 0, 1, {1}, "slider", {}, "how much of the correction is applied"},
        {"view", ParamType::Choice, 0, 0, {}, "menu", views(), "the corrected frame, or what changed (x5 about mid grey)"},
    };
    t.makeStep = [](const NodeParams& p, const NodeContext&) -> std::shared_ptr<const PointStep> {
        return std::make_shared<DeflickerStep>(settingsOf(p));
    };
    return t;
}

}  // namespace tinct
