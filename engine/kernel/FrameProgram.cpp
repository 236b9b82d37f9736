#include "engine/kernel/FrameProgram.h"

#include <cmath>

#include "engine/Error.h"
#include "engine/gpu/EmbeddedShaders.h"
#include "engine/gpu/GpuContext.h"

namespace tinct {

namespace {

struct BlurPush {
    uint32_t width, height;
    int32_t radius;
    float sigma;
    uint32_t vertical;
    float amount;
};

struct MorphPush {
    uint32_t width, height;
    int32_t radius;
    uint32_t vertical;
    uint32_t grow;
};

}  // namespace

FrameProgram::FrameProgram(GpuContext& gpu, const PointSteps& steps) : FrameProgram(gpu, PixelProgram::serial(steps)) {}

FrameProgram::FrameProgram(GpuContext& gpu, const PixelProgram& program) : gpu_(gpu), plan_(planStages(program)) {
    for (const auto& k : plan_.kernels) kernels_.push_back(std::make_unique<FusedKernel>(gpu, k.program));
    using B = BindingKind;
    for (const auto& s : plan_.spatial) {
        if (s.op->kind == SpatialOp::Kind::Gaussian && !blur_)
            blur_ = std::make_unique<ComputeKernel>(gpu, shaders::spirv("spatial_blur"), std::vector<B>(3, B::StorageBuffer),
                                                    sizeof(BlurPush), "spatial_blur");
        if (s.op->kind != SpatialOp::Kind::Gaussian && !morph_)
            morph_ = std::make_unique<ComputeKernel>(gpu, shaders::spirv("spatial_morph"), std::vector<B>(2, B::StorageBuffer),
                                                     sizeof(MorphPush), "spatial_morph");
    }
    results_.resize(plan_.spatial.size());
}

FrameProgram::~FrameProgram() = default;

bool FrameProgram::update(const PointSteps& steps) {
    StagePlan next = planStages(PixelProgram::serial(steps));
    if (next.kernels.size() != plan_.kernels.size() || next.spatial.size() != plan_.spatial.size()) return false;
    for (size_t s = 0; s < next.spatial.size(); ++s)
        if (next.spatial[s].input != plan_.spatial[s].input || next.spatial[s].op->kind != plan_.spatial[s].op->kind) return false;
    for (size_t k = 0; k < next.kernels.size(); ++k)
        if (next.kernels[k].frames != plan_.kernels[k].frames || next.kernels[k].feeds != plan_.kernels[k].feeds) return false;
    for (size_t k = 0; k < next.kernels.size(); ++k)
        if (!kernels_[k]->accepts(next.kernels[k].program)) return false;
    for (size_t k = 0; k < next.kernels.size(); ++k) kernels_[k]->adopt(next.kernels[k].program);
    plan_ = std::move(next);
    return true;
}

void FrameProgram::prepare(FrameFormats formats, uint32_t width, uint32_t height) {
    if (!hasSpatial()) {
        kernels_.front()->prepare(formats);
        return;
    }
    const VkDeviceSize bytes = VkDeviceSize(width) * height * 16;
    if (bytes > gpu_.limits().maxStorageBufferRange)
        throw Error("a " + std::to_string(width) + "x" + std::to_string(height) + " frame is larger than " +
                    gpu_.description().name + " lets spatial nodes (blur, sharpen, matte clean-up) bind (" +
                    std::to_string(gpu_.limits().maxStorageBufferRange >> 20) + " MiB)");
    for (GpuBuffer* b : {&input_, &pass_})
        if (b->size() < bytes) *b = GpuBuffer(gpu_, bytes, BufferUse::Device);
    for (auto& r : results_)
        if (r.size() < bytes) r = GpuBuffer(gpu_, bytes, BufferUse::Device);
    for (size_t k = 0; k < kernels_.size(); ++k)
        kernels_[k]->prepare({formats.sourceHalf, plan_.kernels[k].feeds < 0 && formats.destinationHalf});
}

void FrameProgram::record(VkCommandBuffer cmd, VkBuffer source, VkBuffer destination, uint32_t width, uint32_t height,
                          FrameFormats formats) const {
    if (!hasSpatial()) {
        kernels_.front()->record(cmd, source, destination, width, height, formats);
        return;
    }
    const auto groupsX = (width + 15) / 16, groupsY = (height + 15) / 16;
    for (const StagePlan::Stage& stage : plan_.order) {
        if (stage.kernel >= 0) {
            const KernelStage& k = plan_.kernels[size_t(stage.kernel)];
            std::vector<VkBuffer> frames;
            for (size_t f : k.frames) frames.push_back(results_[f].handle());
            kernels_[size_t(stage.kernel)]->record(cmd, source, k.feeds >= 0 ? input_.handle() : destination, width, height,
                                                   {formats.sourceHalf, k.feeds < 0 && formats.destinationHalf}, frames);
            computeBarrier(cmd);
            continue;
        }
        const SpatialStage& s = plan_.spatial[size_t(stage.spatial)];
        const VkBuffer in = s.input >= 0 ? results_[size_t(s.input)].handle() : input_.handle();
        const VkBuffer out = results_[size_t(stage.spatial)].handle();
        const SpatialOp& op = *s.op;
        if (op.kind == SpatialOp::Kind::Gaussian) {
            const int radius = std::max(1, int(std::ceil(3.0f * op.sigma)));
            const BlurPush horizontal{width, height, radius, op.sigma, 0, op.amount};
            const Binding h[] = {{BindingKind::StorageBuffer, in}, {BindingKind::StorageBuffer, in},
                                 {BindingKind::StorageBuffer, pass_.handle()}};
            blur_->record(cmd, h, &horizontal, groupsX, groupsY);
            computeBarrier(cmd);
            const BlurPush vertical{width, height, radius, op.sigma, 1, op.amount};
            const Binding v[] = {{BindingKind::StorageBuffer, pass_.handle()}, {BindingKind::StorageBuffer, in},
                                 {BindingKind::StorageBuffer, out}};
            blur_->record(cmd, v, &vertical, groupsX, groupsY);
        } else {
            const uint32_t grow = op.kind == SpatialOp::Kind::Grow ? 1 : 0;
            const MorphPush horizontal{width, height, op.radius, 0, grow};
            const Binding h[] = {{BindingKind::StorageBuffer, in}, {BindingKind::StorageBuffer, pass_.handle()}};
            morph_->record(cmd, h, &horizontal, groupsX, groupsY);
            computeBarrier(cmd);
            const MorphPush vertical{width, height, op.radius, 1, grow};
            const Binding v[] = {{BindingKind::StorageBuffer, pass_.handle()}, {BindingKind::StorageBuffer, out}};
            morph_->record(cmd, v, &vertical, groupsX, groupsY);
        }
        computeBarrier(cmd);
    }
}

uint32_t FrameProgram::dispatchesFor(uint32_t width, uint32_t height, FrameFormats) const {
    if (!hasSpatial()) return kernels_.front()->dispatchesFor(width * height);
    return uint32_t(plan_.kernels.size() + 2 * plan_.spatial.size());
}

}  // namespace tinct
