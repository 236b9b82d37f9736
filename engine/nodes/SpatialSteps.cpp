#include "engine/nodes/SpatialSteps.h"

#include <algorithm>
#include <cmath>

#include "engine/gpu/ComputeKernel.h"
#include "engine/gpu/EmbeddedShaders.h"
#include "engine/gpu/GpuBuffer.h"

namespace tinct {

namespace {

const char* variantOf(FrameKind kind) { return kind == FrameKind::Matte ? "matte" : "rgba"; }

// Two passes, a row pass into a scratch frame and a column pass out of it: what both steps share.
class SeparableKernel : public FrameStepKernel {
public:
    SeparableKernel(GpuContext& gpu, const std::string& shader, size_t bindings, uint32_t pushBytes, FrameKind kind)
        : gpu_(gpu), kind_(kind),
          kernel_(gpu, shaders::spirv(shader), std::vector<BindingKind>(bindings, BindingKind::StorageBuffer), pushBytes, shader) {}
    void prepare(uint32_t width, uint32_t height) override {
        const size_t bytes = size_t(width) * height * bytesPerPixel(kind_);
        if (pass_.size() < bytes) pass_ = GpuBuffer(gpu_, bytes, BufferUse::Device);
    }
    uint32_t dispatches() const override { return 2; }

protected:
    GpuContext& gpu_;
    FrameKind kind_;
    ComputeKernel kernel_;
    GpuBuffer pass_;  // the row pass's result
};

struct BlurPush {
    uint32_t width, height;
    int32_t radius;
    float sigma;
    uint32_t vertical;
    float amount;
};

class GaussianStep : public FrameStep {
public:
    GaussianStep(std::string what, double sigma, double amount, FrameKind kind)
        : what_(std::move(what)), sigma_(sigma), amount_(amount), kind_(kind) {}
    std::string describe() const override { return what_; }
    Footprint footprint() const override { return {uint32_t(radius()), 0}; }
    FrameKind inputKind() const override { return kind_; }
    FrameKind outputKind() const override { return kind_; }
    std::string structure() const override { return std::string("gaussian ") + variantOf(kind_); }
    std::string passes() const override { return "two separable Gaussian passes"; }
    std::unique_ptr<FrameStepKernel> makeKernel(GpuContext& gpu) const override;
    std::shared_ptr<const FrameStep> scaled(double factor) const override {
        // A sigma of 0 would divide by zero in the blur's weights; this small it leaves the pixel alone.
        return std::make_shared<GaussianStep>(what_ + " (scaled)", std::max(sigma_ * factor, 1e-3), amount_, kind_);
    }
    // 3 sigma, less a hair so that a sigma scaled in float precision (20 x 0.1f) keeps its reach.
    int radius() const { return std::max(1, int(std::ceil(3.0 * sigma_ - 1e-4))); }
    float sigma() const { return float(sigma_); }
    float amount() const { return float(amount_); }

private:
    std::string what_;
    double sigma_, amount_;
    FrameKind kind_;
};

class GaussianKernel : public SeparableKernel {
public:
    GaussianKernel(GpuContext& gpu, const GaussianStep& step, FrameKind kind)
        : SeparableKernel(gpu, std::string("spatial_blur_") + variantOf(kind), 3, sizeof(BlurPush), kind) {
        update(step);
    }
    void update(const FrameStep& step) override {
        const auto& g = static_cast<const GaussianStep&>(step);
        radius_ = g.radius(), sigma_ = g.sigma(), amount_ = g.amount();
    }
    void record(VkCommandBuffer cmd, const FrameStepIo& io) const override {
        const uint32_t gx = (io.width + 15) / 16, gy = (io.height + 15) / 16;
        const VkBuffer in = io.inputs.front();
        const BlurPush horizontal{io.width, io.height, radius_, sigma_, 0, amount_};
        const Binding h[] = {{BindingKind::StorageBuffer, in}, {BindingKind::StorageBuffer, in},
                             {BindingKind::StorageBuffer, pass_.handle()}};
        kernel_.record(cmd, h, &horizontal, gx, gy);
        computeBarrier(cmd);
        const BlurPush vertical{io.width, io.height, radius_, sigma_, 1, amount_};
        const Binding v[] = {{BindingKind::StorageBuffer, pass_.handle()}, {BindingKind::StorageBuffer, in},
                             {BindingKind::StorageBuffer, io.output}};
        kernel_.record(cmd, v, &vertical, gx, gy);
    }

private:
    int32_t radius_ = 1;
    float sigma_ = 1, amount_ = -1;
};

std::unique_ptr<FrameStepKernel> GaussianStep::makeKernel(GpuContext& gpu) const {
    return std::make_unique<GaussianKernel>(gpu, *this, kind_);
}

struct MorphPush {
    uint32_t width, height;
    int32_t radius;
    uint32_t vertical;
    uint32_t grow;
};

class MorphStep : public FrameStep {
public:
    MorphStep(std::string what, int radius, bool grow, FrameKind kind)
        : what_(std::move(what)), radius_(radius), grow_(grow), kind_(kind) {}
    std::string describe() const override { return what_; }
    Footprint footprint() const override { return {uint32_t(radius_), 0}; }
    FrameKind inputKind() const override { return kind_; }
    FrameKind outputKind() const override { return kind_; }
    std::string structure() const override { return std::string("morph ") + variantOf(kind_); }
    std::string passes() const override { return std::string("two separable ") + (grow_ ? "max" : "min") + " passes"; }
    std::unique_ptr<FrameStepKernel> makeKernel(GpuContext& gpu) const override;
    std::shared_ptr<const FrameStep> scaled(double factor) const override {
        return std::make_shared<MorphStep>(what_ + " (scaled)", int(std::lround(radius_ * factor)), grow_, kind_);
    }
    int radius() const { return radius_; }
    bool grow() const { return grow_; }

private:
    std::string what_;
    int radius_;
    bool grow_;
    FrameKind kind_;
};

class MorphKernel : public SeparableKernel {
public:
    MorphKernel(GpuContext& gpu, const MorphStep& step, FrameKind kind)
        : SeparableKernel(gpu, std::string("spatial_morph_") + variantOf(kind), 2, sizeof(MorphPush), kind) {
        update(step);
    }
    void update(const FrameStep& step) override {
        const auto& m = static_cast<const MorphStep&>(step);
        radius_ = m.radius(), grow_ = m.grow() ? 1 : 0;
    }
    void record(VkCommandBuffer cmd, const FrameStepIo& io) const override {
        const uint32_t gx = (io.width + 15) / 16, gy = (io.height + 15) / 16;
        const MorphPush horizontal{io.width, io.height, radius_, 0, grow_};
        const Binding h[] = {{BindingKind::StorageBuffer, io.inputs.front()}, {BindingKind::StorageBuffer, pass_.handle()}};
        kernel_.record(cmd, h, &horizontal, gx, gy);
        computeBarrier(cmd);
        const MorphPush vertical{io.width, io.height, radius_, 1, grow_};
        const Binding v[] = {{BindingKind::StorageBuffer, pass_.handle()}, {BindingKind::StorageBuffer, io.output}};
        kernel_.record(cmd, v, &vertical, gx, gy);
    }

private:
    int32_t radius_ = 0;
    uint32_t grow_ = 1;
};

std::unique_ptr<FrameStepKernel> MorphStep::makeKernel(GpuContext& gpu) const {
    return std::make_unique<MorphKernel>(gpu, *this, kind_);
}

}  // namespace

std::shared_ptr<const FrameStep> gaussianStep(std::string what, double sigma, double amount, FrameKind kind) {
    return std::make_shared<GaussianStep>(std::move(what), sigma, amount, kind);
}

std::shared_ptr<const FrameStep> morphStep(std::string what, int radius, bool grow, FrameKind kind) {
    return std::make_shared<MorphStep>(std::move(what), radius, grow, kind);
}

}  // namespace tinct
