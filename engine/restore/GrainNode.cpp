// grain: film grain synthesised and added, as finishers regrain after a clean-up or match a shot to
// another: Gaussian noise from a hash of pixel, frame number and seed (shaders/grain_noise.comp),
// given its size by a separable Gaussian that keeps its strength (grain_blur.comp), mixed between
// monochrome and per-channel, scaled by brightness zone and channel (grain_apply.comp). The same
// frame number gives the same grain, so a farm's chunks match a single render.
#include <algorithm>
#include <cmath>

#include "engine/Error.h"
#include "engine/gpu/ComputeKernel.h"
#include "engine/gpu/EmbeddedShaders.h"
#include "engine/gpu/GpuBuffer.h"
#include "engine/gpu/GpuContext.h"
#include "engine/kernel/FrameStep.h"
#include "engine/restore/RestorationNodes.h"
#include "engine/restore/StorageBindings.h"

namespace tinct {

namespace {

const std::vector<std::string>& grainViews() {
    static const std::vector<std::string> v = {"grained", "grain"};
    return v;
}

struct GrainSettings {
    float amount = 0.02f, size = 1, colour = 0.3f;
    std::array<float, 3> zones{0.5f, 1, 0.5f}, channels{1, 1, 1};
    uint32_t seed = 0, view = 0;
};

struct NoisePush {
    int32_t width, height;
    uint32_t frameLow, frameHigh, seed;
};
struct BlurPush {
    int32_t width, height, radius, vertical;
    float sigma;
};
struct ApplyPush {
    uint32_t pixelCount, rowPitch;
    float amount, colour;
    float zones[4], channels[4];
    uint32_t view;
};

// Below this many pixels of Gaussian the grain is the white noise itself (one pixel each).
constexpr float kLeastSize = 0.3f;

int blurRadius(float size) { return size < kLeastSize ? 0 : std::min(12, int(std::ceil(3 * size))); }

class GrainStep : public FrameStep {
public:
    explicit GrainStep(GrainSettings s) : s_(s) {}
    std::string describe() const override { return "film grain"; }
    Footprint footprint() const override { return {uint32_t(blurRadius(s_.size)), 0}; }
    FrameKind outputKind() const override { return FrameKind::Rgba; }
    std::string structure() const override { return "grain"; }
    std::string passes() const override { return "noise from a hash of pixel, frame and seed, a separable Gaussian, the mix"; }
    std::unique_ptr<FrameStepKernel> makeKernel(GpuContext& gpu) const override;
    std::shared_ptr<const FrameStep> scaled(double factor) const override {
        GrainSettings s = s_;
        s.size = float(s.size * factor);
        return std::make_shared<GrainStep>(s);
    }
    const GrainSettings& settings() const { return s_; }

private:
    GrainSettings s_;
};

class GrainKernel : public FrameStepKernel {
public:
    GrainKernel(GpuContext& gpu, const GrainStep& step)
        : gpu_(gpu),
          noise_(gpu, shaders::spirv("grain_noise"), storageLayout(1), sizeof(NoisePush), "grain_noise"),
          blur_(gpu, shaders::spirv("grain_blur"), storageLayout(2), sizeof(BlurPush), "grain_blur"),
          apply_(gpu, shaders::spirv("grain_apply"), storageLayout(3), sizeof(ApplyPush), "grain_apply") {
        update(step);
    }

    void update(const FrameStep& step) override { s_ = static_cast<const GrainStep&>(step).settings(); }

    void prepare(uint32_t width, uint32_t height) override {
        if (width == width_ && height == height_) return;
        width_ = width, height_ = height;
        white_ = GpuBuffer(gpu_, size_t(width) * height * 16, BufferUse::Device);
        rows_ = GpuBuffer(gpu_, size_t(width) * height * 16, BufferUse::Device);
        shaped_ = GpuBuffer(gpu_, size_t(width) * height * 16, BufferUse::Device);
    }

    uint32_t dispatches() const override { return blurRadius(s_.size) > 0 ? 4 : 2; }

    void record(VkCommandBuffer cmd, const FrameStepIo& io) const override {
        const uint64_t frame = uint64_t(io.frames.empty() ? 0 : io.frames[0]);
        const uint32_t gx = (io.width + 15) / 16, gy = (io.height + 15) / 16;
        const NoisePush np{int32_t(io.width), int32_t(io.height), uint32_t(frame), uint32_t(frame >> 32), s_.seed};
        const Binding nb[] = {storageBinding(white_.handle())};
        noise_.record(cmd, nb, &np, gx, gy);
        computeBarrier(cmd);
        VkBuffer grain = white_.handle();
        if (const int radius = blurRadius(s_.size); radius > 0) {
            const BlurPush h{int32_t(io.width), int32_t(io.height), radius, 0, s_.size};
            const Binding hb[] = {storageBinding(white_.handle()), storageBinding(rows_.handle())};
            blur_.record(cmd, hb, &h, gx, gy);
            computeBarrier(cmd);
            const BlurPush v{int32_t(io.width), int32_t(io.height), radius, 1, s_.size};
            const Binding vb[] = {storageBinding(rows_.handle()), storageBinding(shaped_.handle())};
            blur_.record(cmd, vb, &v, gx, gy);
            computeBarrier(cmd);
            grain = shaped_.handle();
        }
        const uint32_t pixels = io.width * io.height;
        const LinearGroups g = linearGroups(gpu_, pixels, 256);
        const ApplyPush ap{pixels, g.rowPitch, s_.amount, s_.colour, {s_.zones[0], s_.zones[1], s_.zones[2], 0},
                           {s_.channels[0], s_.channels[1], s_.channels[2], 0}, s_.view};
        const Binding ab[] = {storageBinding(io.inputs[0]), storageBinding(grain), storageBinding(io.output)};
        apply_.record(cmd, ab, &ap, g.x, g.y);
    }

private:
    GpuContext& gpu_;
    GrainSettings s_;
    ComputeKernel noise_, blur_, apply_;
    uint32_t width_ = 0, height_ = 0;
    GpuBuffer white_, rows_, shaped_;
};

std::unique_ptr<FrameStepKernel> GrainStep::makeKernel(GpuContext& gpu) const { return std::make_unique<GrainKernel>(gpu, *this); }

GrainSettings settingsOf(const NodeParams& p) {
    GrainSettings s;
    s.amount = float(p.number("amount"));
    s.size = float(p.number("size"));
    s.colour = float(p.number("colour"));
    s.zones = {float(p.number("shadows")), float(p.number("midtones")), float(p.number("highlights"))};
    const auto c = p.rgbm("channels");
    s.channels = {float(c[0]), float(c[1]), float(c[2])};
    s.seed = uint32_t(p.wholeNumber("seed", "seed"));
    s.view = uint32_t(std::find(grainViews().begin(), grainViews().end(), p.text("view")) - grainViews().begin());
    return s;
}

}  // namespace

NodeType grainNodeType() {
    NodeType t;
    t.name = "grain";
    t.description = "film grain added: its strength by brightness and channel, its size and colour, the same for a frame "
                    "number wherever it is made";
    t.kind = NodeKind::Spatial;
    t.params = {
        {"amount", ParamType::Number, 0, 0.2, {0.02}, "slider", {}, "the grain's standard deviation in the mid-tones, in the data's units"},
        {"size", ParamType::Number, 0, 4, {1}, "slider", {}, "pixels: the width of a grain (0: one pixel, white noise)"},
        {"colour", ParamType::Number, 0, 1, {0.3}, "slider", {}, "0: the same grain in every channel; 1: each channel its own"},
        {"shadows", ParamType::Number, 0, 2, {0.5}, "slider", {}, "the grain's strength in the shadows, against the mid-tones'"},
        {"midtones", ParamType::Number, 0, 2, {1}, "slider", {}, "... in the mid-tones"},
        {"highlights", ParamType::Number, 0, 2, {0.5}, "slider", {}, "... in the highlights"},
        {"channels", ParamType::Rgb, 0, 2, {1, 1, 1}, "slider", {}, "the strength in red, green and blue"},
        {"seed", ParamType::Number, 0, 100000, {0}, "slider", {}, "another seed, another grain (the same for each frame number)"},
        {"view", ParamType::Choice, 0, 0, {}, "menu", grainViews(), "the frame with grain, or the grain alone about mid grey"},
    };
    t.makeStep = [](const NodeParams& p, const NodeContext&) -> std::shared_ptr<const PointStep> {
        return std::make_shared<GrainStep>(settingsOf(p));
    };
    return t;
}

}  // namespace tinct
