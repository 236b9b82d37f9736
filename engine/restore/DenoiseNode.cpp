// denoise: motion-compensated temporal noise reduction over 1 to 3 frames either side, then
// non-local means for what time could not remove (shaders/denoise_noise.comp, denoise_temporal.comp,
// denoise_spatial.comp). The noise is measured per frame, channel and luma band from frame n against
// its compensated neighbour, so grain that is strongest in the mid-tones is treated as such, and
// every distance is in units of it: the defaults work on film grain and on sensor noise alike.
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
#include "engine/restore/StorageBindings.h"

namespace tinct {

namespace {

constexpr int kMaxFrames = 3;      // either side: six neighbours at most (denoise_temporal.comp's bindings)
constexpr int kSearchRadius = 3;   // the spatial stage's window: 7 x 7
constexpr int kNoiseStep = 4;      // the noise estimate samples every 4th pixel each way
constexpr size_t kNoiseFloats = 2 + 8 * 3;

const std::vector<std::string>& denoiseViews() {
    static const std::vector<std::string> v = {"denoised", "noise"};
    return v;
}

struct DenoiseSettings {
    int frames = 2;
    float strength = 1, spatial = 1, sigma = 0;
    std::array<float, 3> zones{1, 1, 1}, channels{1, 1, 1};
    uint32_t view = 0;
};

struct NoisePush {
    int32_t width, height, step;
    float given;
};
struct TemporalPush {
    int32_t width, height;
    uint32_t distinct;
    float spread;
};
struct SpatialPush {
    int32_t width, height, radius;
    float spread;
    float zones[4], channels[4];
    uint32_t view;
};

class DenoiseStep : public FrameStep {
public:
    explicit DenoiseStep(DenoiseSettings s) : s_(s) {}
    std::string describe() const override { return "motion-compensated denoise over " + std::to_string(s_.frames) + " frames either side"; }
    Footprint footprint() const override { return {uint32_t(kSearchRadius + 1), uint32_t(s_.frames)}; }
    FrameKind outputKind() const override { return FrameKind::Rgba; }
    std::string structure() const override { return "denoise " + std::to_string(s_.frames); }
    std::string passes() const override {
        return "motion to the " + std::to_string(2 * s_.frames) + " neighbours, compensations, noise estimate, temporal "
               "average weighted by patch match, non-local means";
    }
    std::unique_ptr<FrameStepKernel> makeKernel(GpuContext& gpu) const override;
    std::shared_ptr<const FrameStep> scaled(double) const override { return std::make_shared<DenoiseStep>(s_); }
    const DenoiseSettings& settings() const { return s_; }

private:
    DenoiseSettings s_;
};

class DenoiseKernel : public FrameStepKernel {
public:
    DenoiseKernel(GpuContext& gpu, const DenoiseStep& step)
        : gpu_(gpu), motion_(gpu),
          noise_(gpu, shaders::spirv("denoise_noise"), storageLayout(3), sizeof(NoisePush), "denoise_noise"),
          temporal_(gpu, shaders::spirv("denoise_temporal"), storageLayout(10), sizeof(TemporalPush), "denoise_temporal"),
          spatial_(gpu, shaders::spirv("denoise_spatial"), storageLayout(5), sizeof(SpatialPush), "denoise_spatial") {
        update(step);
    }

    void update(const FrameStep& step) override { s_ = static_cast<const DenoiseStep&>(step).settings(); }

    void prepare(uint32_t width, uint32_t height) override {
        if (width == width_ && height == height_) return;
        width_ = width, height_ = height;
        const uint32_t frames = uint32_t(2 * s_.frames + 1);
        motion_.prepare(width, height, frames);
        const size_t pixels = size_t(width) * height;
        fields_.clear(), warped_.clear(), aux_.clear();
        for (uint32_t k = 0; k + 1 < frames; ++k) {
            fields_.emplace_back(gpu_, motion_.fieldBytes(), BufferUse::Device);
            warped_.emplace_back(gpu_, pixels * 16, BufferUse::Device);
            aux_.emplace_back(gpu_, pixels * 8, BufferUse::Device);
        }
        spreadFactor_ = GpuBuffer(gpu_, 16, BufferUse::Device);
        noiseEstimate_ = GpuBuffer(gpu_, kNoiseFloats * 4, BufferUse::Device);
        averaged_ = GpuBuffer(gpu_, pixels * 16, BufferUse::Device);
        reduction_ = GpuBuffer(gpu_, pixels * 4, BufferUse::Device);
    }

    uint32_t dispatches() const override {
        const uint32_t frames = uint32_t(2 * s_.frames + 1), levels = uint32_t(motion_.levels());
        return frames * levels + 1 + frames * levels + (frames - 1) * (2 * levels + 1) + 1 + 1 + 1;
    }

    void record(VkCommandBuffer cmd, const FrameStepIo& io) const override {
        const size_t frames = size_t(2 * s_.frames + 1), centre = size_t(s_.frames);
        for (size_t f = 0; f < frames; ++f) motion_.recordPyramid(cmd, io.inputs[f], f);
        computeBarrier(cmd);
        motion_.recordNormalise(cmd, centre, spreadFactor_.handle());  // motion on luma scaled by n's spread, as for dust
        // Neighbours in order n-k .. n-1, n+1 .. n+k. At a shot's ends they mirror: a frame that comes
        // twice counts once, and one that is frame n itself (the ring's same frame) not at all.
        std::vector<size_t> neighbours;
        for (size_t f = 0; f < frames; ++f)
            if (f != centre) neighbours.push_back(f);
        uint32_t distinct = 0;
        for (size_t k = 0; k < neighbours.size(); ++k) {
            const VkBuffer frame = io.inputs[neighbours[k]];
            bool seen = frame == io.inputs[centre];
            for (size_t j = 0; j < k; ++j) seen = seen || io.inputs[neighbours[j]] == frame;
            if (!seen) distinct |= 1u << k;
            motion_.recordField(cmd, centre, neighbours[k], fields_[k].handle());
            computeBarrier(cmd);
            motion_.recordWarp(cmd, io.inputs[neighbours[k]], fields_[k].handle(), warped_[k].handle(), aux_[k].handle());
        }
        computeBarrier(cmd);

        // The noise, from n against the nearest neighbour that is another frame (n+1, else n-1).
        size_t other = size_t(s_.frames);  // n+1's index among the neighbours
        if (io.inputs[neighbours[other]] == io.inputs[centre]) other = size_t(s_.frames) - 1;
        const NoisePush np{int32_t(io.width), int32_t(io.height), kNoiseStep, s_.sigma};
        const Binding nb[] = {storageBinding(io.inputs[centre]), storageBinding(warped_[other].handle()), storageBinding(noiseEstimate_.handle())};
        noise_.record(cmd, nb, &np, 1, 1);
        computeBarrier(cmd);

        const uint32_t gx = (io.width + 15) / 16, gy = (io.height + 15) / 16;
        const TemporalPush tp{int32_t(io.width), int32_t(io.height), distinct, 2 * s_.strength * s_.strength};
        std::vector<Binding> tb = {storageBinding(io.inputs[centre])};
        for (size_t k = 0; k < 6; ++k) tb.push_back(storageBinding(k < warped_.size() ? warped_[k].handle() : io.inputs[centre]));
        tb.push_back(storageBinding(noiseEstimate_.handle()));
        tb.push_back(storageBinding(averaged_.handle()));
        tb.push_back(storageBinding(reduction_.handle()));
        temporal_.record(cmd, tb, &tp, gx, gy);
        computeBarrier(cmd);

        const SpatialPush pp{int32_t(io.width), int32_t(io.height), kSearchRadius, 2 * s_.spatial * s_.spatial,
                             {s_.zones[0], s_.zones[1], s_.zones[2], 0}, {s_.channels[0], s_.channels[1], s_.channels[2], 0}, s_.view};
        const Binding pb[] = {storageBinding(averaged_.handle()), storageBinding(reduction_.handle()), storageBinding(noiseEstimate_.handle()),
                              storageBinding(io.inputs[centre]), storageBinding(io.output)};
        spatial_.record(cmd, pb, &pp, gx, gy);
    }

private:
    GpuContext& gpu_;
    DenoiseSettings s_;
    MotionEstimator motion_;
    ComputeKernel noise_, temporal_, spatial_;
    uint32_t width_ = 0, height_ = 0;
    std::vector<GpuBuffer> fields_, warped_, aux_;  // per neighbour
    GpuBuffer spreadFactor_, noiseEstimate_, averaged_, reduction_;
};

std::unique_ptr<FrameStepKernel> DenoiseStep::makeKernel(GpuContext& gpu) const { return std::make_unique<DenoiseKernel>(gpu, *this); }

DenoiseSettings settingsOf(const NodeParams& p) {
    DenoiseSettings s;
    s.frames = p.wholeNumber("frames", "frames");
    s.strength = float(p.number("strength"));
    s.spatial = float(p.number("spatial"));
    s.sigma = float(p.number("sigma"));
    s.zones = {float(p.number("shadows")), float(p.number("midtones")), float(p.number("highlights"))};
    const auto c = p.rgbm("channels");
    s.channels = {float(c[0]), float(c[1]), float(c[2])};
    s.view = uint32_t(std::find(denoiseViews().begin(), denoiseViews().end(), p.text("view")) - denoiseViews().begin());
    return s;
}

}  // namespace

NodeType denoiseNodeType() {
    NodeType t;
    t.name = "denoise";
    t.description = "grain and noise reduction: the motion-compensated frames around averaged where they match, then "
                    "non-local means, in units of the noise measured per frame, channel and brightness";
    t.kind = NodeKind::Temporal;
    t.params = {
        {"frames", ParamType::Number, 1, double(kMaxFrames), {2}, "slider", {}, "frames either side averaged in"},
        {"strength", ParamType::Number, 0.1, 4, {1}, "slider", {}, "how far from a true match a neighbour may be and still count"},
        {"spatial", ParamType::Number, 0, 4, {1}, "slider", {}, "the spatial stage's strength, for what time cannot remove (0: off)"},
        {"sigma", ParamType::Number, 0, 0.5, {0}, "slider", {},
         "the noise's standard deviation in the data's units; 0 measures it in each frame"},
        {"shadows", ParamType::Number, 0, 1, {1}, "slider", {}, "how much of the noise is removed in the shadows"},
        {"midtones", ParamType::Number, 0, 1, {1}, "slider", {}, "... in the mid-tones"},
        {"highlights", ParamType::Number, 0, 1, {1}, "slider", {}, "... in the highlights"},
        {"channels", ParamType::Rgb, 0, 1, {1, 1, 1}, "slider", {}, "how much is removed in red, green and blue"},
        {"view", ParamType::Choice, 0, 0, {}, "menu", denoiseViews(), "the denoised frame, or the noise removed (4x, about mid grey)"},
    };
    t.makeStep = [](const NodeParams& p, const NodeContext&) -> std::shared_ptr<const PointStep> {
        return std::make_shared<DenoiseStep>(settingsOf(p));
    };
    return t;
}

}  // namespace tinct
