// stabilize: gate weave and camera shake removed, intended moves kept. Each frame's motion to the
// next is a similarity (translation, rotation, scale) fitted robustly to the motion service's field
// (shaders/stabilize_fit.comp); chained over the window it is the camera's path, which a local linear
// fit with Gaussian weights smooths (stabilize_path.comp); frame n is resampled onto the smoothed
// path in float (stabilize_warp.comp). A frame's luma pyramid and each pair's fit depend on those
// frames alone: they are kept under the ring's stamps, so a render in order measures one new pair a
// frame, not the whole window.
#include <algorithm>
#include <cmath>

#include "engine/Error.h"
#include "engine/gpu/ComputeKernel.h"
#include "engine/gpu/EmbeddedShaders.h"
#include "engine/gpu/GpuBuffer.h"
#include "engine/gpu/GpuContext.h"
#include "engine/kernel/FrameStep.h"
#include "engine/restore/MotionEstimator.h"
#include "engine/restore/RestorationNodes.h"
#include "engine/restore/StampSlots.h"
#include "engine/restore/StorageBindings.h"

namespace tinct {

namespace {

constexpr int kMaxRadius = 30;  // stabilize_path.comp: 64 pair slots in bytes

const std::vector<std::string>& interpolations() {
    static const std::vector<std::string> v = {"bicubic", "lanczos"};
    return v;
}
const std::vector<std::string>& edgeChoices() {
    static const std::vector<std::string> v = {"repeat", "black"};
    return v;
}

struct StabilizeSettings {
    int radius = 10;
    float strength = 1, zoom = 1;
    int lanczos = 0, edges = 0;
};

struct FitPush {
    int32_t blocksX, blocksY;
    float scale, centreX, centreY;
    int32_t slot;
};
struct PathPush {
    int32_t before, after;
    float sigma, strength;
    uint32_t pairs[16];
};
struct WarpPush {
    int32_t width, height;
    float zoom;
    int32_t lanczos, edges;
};

class StabilizeStep : public FrameStep {
public:
    explicit StabilizeStep(StabilizeSettings s) : s_(s) {}
    std::string describe() const override { return "stabilize over " + std::to_string(s_.radius) + " frames either side"; }
    Footprint footprint() const override { return {4, uint32_t(s_.radius)}; }
    FrameKind outputKind() const override { return FrameKind::Rgba; }
    std::string structure() const override { return "stabilize " + std::to_string(s_.radius); }
    std::string passes() const override {
        return "motion between consecutive frames (kept per pair), a robust similarity fit, the smoothed path, resampling";
    }
    std::unique_ptr<FrameStepKernel> makeKernel(GpuContext& gpu) const override;
    std::shared_ptr<const FrameStep> scaled(double) const override { return std::make_shared<StabilizeStep>(s_); }
    const StabilizeSettings& settings() const { return s_; }

private:
    StabilizeSettings s_;
};

class StabilizeKernel : public FrameStepKernel {
public:
    StabilizeKernel(GpuContext& gpu, const StabilizeStep& step)
        : gpu_(gpu), motion_(gpu),
          fit_(gpu, shaders::spirv("stabilize_fit"), storageLayout(2), sizeof(FitPush), "stabilize_fit"),
          path_(gpu, shaders::spirv("stabilize_path"), storageLayout(2), sizeof(PathPush), "stabilize_path"),
          warp_(gpu, shaders::spirv("stabilize_warp"), storageLayout(3), sizeof(WarpPush), "stabilize_warp") {
        update(step);
    }

    void update(const FrameStep& step) override { s_ = static_cast<const StabilizeStep&>(step).settings(); }

    void prepare(uint32_t width, uint32_t height) override {
        if (width == width_ && height == height_) return;
        width_ = width, height_ = height;
        // Room for a window of frames and of pairs and one more: made in order, each frame's window
        // is the last one's but for one frame and one pair.
        const size_t slots = size_t(2 * s_.radius + 2);
        motion_.prepare(width, height, uint32_t(slots));
        level_ = motion_.levelAtMost(768);
        field_ = GpuBuffer(gpu_, motion_.fieldBytes(level_), BufferUse::Device);
        transforms_ = GpuBuffer(gpu_, slots * 32, BufferUse::Device);  // per pair: the fit, how well it holds
        correction_ = GpuBuffer(gpu_, 16, BufferUse::Device);
        frames_.reset(slots);
        pairs_.reset(slots);
    }

    uint32_t dispatches() const override {
        const uint32_t frames = uint32_t(2 * s_.radius + 1), levels = uint32_t(motion_.levels());
        return frames * levels + (frames - 1) * (2 * levels + 1) + 2;
    }

    void record(VkCommandBuffer cmd, const FrameStepIo& io) const override {
        const size_t centre = size_t(s_.radius);
        // The window's distinct frames in time order (the ring mirrors at a shot's ends).
        std::vector<size_t> window = {centre};
        const int64_t n = io.frames.empty() ? 0 : io.frames[centre];
        int before = 0, after = 0;
        for (int j = 1; j <= s_.radius && !io.frames.empty(); ++j) {
            if (io.frames[centre - j] == n - j && io.inputs[centre - j] != io.inputs[centre]) window.insert(window.begin(), centre - j), ++before;
            else break;
        }
        for (int j = 1; j <= s_.radius && !io.frames.empty(); ++j) {
            if (io.frames[centre + j] == n + j && io.inputs[centre + j] != io.inputs[centre]) window.push_back(centre + j), ++after;
            else break;
        }
        // Pyramids of the frames not kept from an earlier frame's window.
        std::vector<bool> frameTaken(frames_.size(), false), pairTaken(pairs_.size(), false);
        std::vector<size_t> frameSlot(window.size());
        bool built = false;
        for (size_t k = 0; k < window.size(); ++k) {
            const uint64_t stamp = stampOf(io, window[k]);
            frameSlot[k] = frames_.slotFor(stamp, frameTaken);
            if (frames_.holds(frameSlot[k], stamp)) continue;
            frames_.keep(frameSlot[k], stamp);
            motion_.recordPyramid(cmd, io.inputs[window[k]], frameSlot[k]);
            built = true;
        }
        if (built) computeBarrier(cmd);
        // Each consecutive pair's similarity, measured once.
        PathPush pp{before, after, float(s_.radius), s_.strength, {}};
        const float scale = float(1u << level_);
        for (size_t k = 0; k + 1 < window.size(); ++k) {
            const uint64_t key = pairKey(stampOf(io, window[k]), stampOf(io, window[k + 1]));
            const size_t slot = pairs_.slotFor(key, pairTaken);
            pp.pairs[k / 4] |= uint32_t(slot) << (8 * (k % 4));
            if (pairs_.holds(slot, key)) continue;
            pairs_.keep(slot, key);
            motion_.recordField(cmd, frameSlot[k], frameSlot[k + 1], field_.handle(), level_);
            computeBarrier(cmd);
            const FitPush fp{int32_t(motion_.blocksX(level_)), int32_t(motion_.blocksY(level_)), scale,
                             0.5f * float(io.width - 1), 0.5f * float(io.height - 1), int32_t(slot)};
            const Binding fb[] = {storageBinding(field_.handle()), storageBinding(transforms_.handle())};
            fit_.record(cmd, fb, &fp, 1, 1);
            computeBarrier(cmd);
        }
        const Binding pb[] = {storageBinding(transforms_.handle()), storageBinding(correction_.handle())};
        path_.record(cmd, pb, &pp, 1, 1);
        computeBarrier(cmd);
        const WarpPush wp{int32_t(io.width), int32_t(io.height), s_.zoom, s_.lanczos, s_.edges};
        const Binding wb[] = {storageBinding(io.inputs[centre]), storageBinding(correction_.handle()), storageBinding(io.output)};
        warp_.record(cmd, wb, &wp, (io.width + 15) / 16, (io.height + 15) / 16);
    }

private:
    static uint64_t stampOf(const FrameStepIo& io, size_t input) { return input < io.stamps.size() ? io.stamps[input] : 0; }
    // A pair's key from its frames' stamps; 0 (nothing kept) where either is unknown.
    static uint64_t pairKey(uint64_t a, uint64_t b) { return a == 0 || b == 0 ? 0 : (a * 0x9E3779B97F4A7C15ull) ^ (b + 0x632BE59BD9B4E019ull); }

    GpuContext& gpu_;
    StabilizeSettings s_;
    MotionEstimator motion_;
    ComputeKernel fit_, path_, warp_;
    uint32_t width_ = 0, height_ = 0;
    size_t level_ = 0;
    GpuBuffer field_, transforms_, correction_;
    mutable StampSlots frames_, pairs_;  // pyramids kept per frame, fits per pair
};

std::unique_ptr<FrameStepKernel> StabilizeStep::makeKernel(GpuContext& gpu) const { return std::make_unique<StabilizeKernel>(gpu, *this); }

StabilizeSettings settingsOf(const NodeParams& p) {
    StabilizeSettings s;
    s.radius = p.wholeNumber("smoothing", "frames");
    s.strength = float(p.number("strength"));
    s.zoom = float(p.number("zoom"));
    s.lanczos = p.text("interpolation") == "lanczos" ? 1 : 0;
    s.edges = p.text("edges") == "black" ? 1 : 0;
    return s;
}

}  // namespace

NodeType stabilizeNodeType() {
    NodeType t;
    t.name = "stabilize";
    t.description = "gate weave and shake removed, the camera's intended moves kept: the path of each frame's motion to the "
                    "next, smoothed, and the frame resampled onto it";
    t.kind = NodeKind::Temporal;
    t.params = {
        {"smoothing", ParamType::Number, 2, double(kMaxRadius), {10}, "slider", {},
         "frames either side the camera path is smoothed over: longer keeps only slower moves"},
        {"strength", ParamType::Number, 0, 1, {1}, "slider", {}, "how much of the jitter is removed"},
        {"zoom", ParamType::Number, 1, 1.5, {1}, "slider", {}, "scale about the centre, to crop the edges the correction uncovers"},
        {"interpolation", ParamType::Choice, 0, 0, {}, "menu", interpolations(), "bicubic (Catmull-Rom) or Lanczos-3 resampling"},
        {"edges", ParamType::Choice, 0, 0, {}, "menu", edgeChoices(), "outside the frame: the edge repeated, or black"},
    };
    t.makeStep = [](const NodeParams& p, const NodeContext&) -> std::shared_ptr<const PointStep> {
        return std::make_shared<StabilizeStep>(settingsOf(p));
    };
    return t;
}

}  // namespace tinct
