// temporal_median: each pixel and channel becomes the median of frames n-k .. n+k. It removes what
// appears in one frame only (dust, sparkle, dropouts) and keeps what stays; moving objects smear, so
// it suits locked-off shots and static areas (limited by a matte).
#include <algorithm>
#include <cmath>

#include "engine/Error.h"
#include "engine/gpu/ComputeKernel.h"
#include "engine/gpu/EmbeddedShaders.h"
#include "engine/gpu/GpuContext.h"
#include "engine/kernel/FrameStep.h"
#include "engine/kernel/NodeRegistry.h"
#include "engine/restore/RestorationNodes.h"

namespace tinct {

namespace {

constexpr int kMaxRadius = 3;  // seven frames: the shader's bindings

struct MedianPush {
    uint32_t pixelCount, rowPitch, count;
};

class TemporalMedianStep : public FrameStep {
public:
    explicit TemporalMedianStep(int radius) : radius_(radius) {}
    std::string describe() const override { return "temporal median of " + std::to_string(2 * radius_ + 1) + " frames"; }
    Footprint footprint() const override { return {0, uint32_t(radius_)}; }
    std::string structure() const override { return "temporal median " + std::to_string(radius_); }
    std::string passes() const override { return "one pass over " + std::to_string(2 * radius_ + 1) + " frames"; }
    std::unique_ptr<FrameStepKernel> makeKernel(GpuContext& gpu) const override;
    std::shared_ptr<const FrameStep> scaled(double) const override { return std::make_shared<TemporalMedianStep>(radius_); }

private:
    int radius_;
};

class TemporalMedianKernel : public FrameStepKernel {
public:
    TemporalMedianKernel(GpuContext& gpu, int radius)
        : gpu_(gpu), radius_(radius),
          kernel_(gpu, shaders::spirv("temporal_median"), std::vector<BindingKind>(2 * kMaxRadius + 2, BindingKind::StorageBuffer),
                  sizeof(MedianPush), "temporal_median") {}
    void update(const FrameStep&) override {}  // the radius is the structure; nothing else to take
    uint32_t dispatches() const override { return 1; }
    void record(VkCommandBuffer cmd, const FrameStepIo& io) const override {
        std::vector<Binding> bindings;
        for (int f = 0; f <= 2 * kMaxRadius; ++f)
            bindings.push_back({BindingKind::StorageBuffer, io.inputs[size_t(std::min(f, 2 * radius_))]});
        bindings.push_back({BindingKind::StorageBuffer, io.output});
        const uint32_t pixels = io.width * io.height;
        const LinearGroups groups = linearGroups(gpu_, pixels, 256);
        const MedianPush push{pixels, groups.rowPitch, uint32_t(2 * radius_ + 1)};
        kernel_.record(cmd, bindings, &push, groups.x, groups.y);
    }

private:
    GpuContext& gpu_;
    int radius_;
    ComputeKernel kernel_;
};

std::unique_ptr<FrameStepKernel> TemporalMedianStep::makeKernel(GpuContext& gpu) const {
    return std::make_unique<TemporalMedianKernel>(gpu, radius_);
}

}  // namespace

NodeType temporalMedianNodeType() {
    NodeType t;
    t.name = "temporal_median";
    t.description = "median over frames n-k .. n+k, per channel: removes what shows in one frame only";
    t.kind = NodeKind::Temporal;
    t.params = {{"radius", ParamType::Number, 1, kMaxRadius, {1}, "slider", {}, "k: frames either side (1 to 3)"}};
    t.makeStep = [](const NodeParams& p, const NodeContext&) -> std::shared_ptr<const PointStep> {
        return std::make_shared<TemporalMedianStep>(p.wholeNumber("radius", "frames"));
    };
    return t;
}

}  // namespace tinct
