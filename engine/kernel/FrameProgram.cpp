#include "engine/kernel/FrameProgram.h"

#include "engine/Error.h"
#include "engine/gpu/GpuContext.h"

namespace tinct {

FrameProgram::FrameProgram(GpuContext& gpu, const PointSteps& steps) : FrameProgram(gpu, PixelProgram::serial(steps)) {}

FrameProgram::FrameProgram(GpuContext& gpu, const PixelProgram& program) : gpu_(gpu), plan_(planStages(program)) {
    for (const auto& k : plan_.kernels) kernels_.push_back(std::make_unique<FusedKernel>(gpu, k.program));
    for (const auto& s : plan_.frames) frameKernels_.push_back(s.frame->makeKernel(gpu));
    results_.resize(plan_.frames.size());
}

FrameProgram::~FrameProgram() = default;

FrameFormats FrameProgram::kernelFormats(const KernelStage& k, FrameFormats formats) const {
    if (k.feeds < 0) return formats;  // the program's own destination
    return {formats.sourceHalf, false, plan_.inputKind(size_t(k.feeds))};
}

bool FrameProgram::update(const PointSteps& steps) { return update(PixelProgram::serial(steps)); }

bool FrameProgram::accepts(const PixelProgram& program) const {
    const StagePlan next = planStages(program);
    if (!next.sameShape(plan_)) return false;
    for (size_t k = 0; k < next.kernels.size(); ++k)
        if (!kernels_[k]->accepts(next.kernels[k].program)) return false;
    return true;
}

bool FrameProgram::update(const PixelProgram& program) {
    if (!accepts(program)) return false;
    StagePlan next = planStages(program);
    for (size_t k = 0; k < next.kernels.size(); ++k) kernels_[k]->adopt(next.kernels[k].program);
    for (size_t s = 0; s < next.frames.size(); ++s) frameKernels_[s]->update(*next.frames[s].frame);
    plan_ = std::move(next);
    return true;
}

void FrameProgram::prepare(FrameFormats formats, uint32_t width, uint32_t height) {
    if (!hasFrameSteps()) {
        kernels_.front()->prepare(formats);
        return;
    }
    const VkDeviceSize bytes = VkDeviceSize(width) * height * bytesPerPixel(FrameKind::Rgba);
    if (bytes > gpu_.limits().maxStorageBufferRange)
        throw Error("a " + std::to_string(width) + "x" + std::to_string(height) + " frame is larger than " +
                    gpu_.description().name + " lets steps that look at neighbouring pixels (blur, sharpen, matte clean-up) bind (" +
                    std::to_string(gpu_.limits().maxStorageBufferRange >> 20) + " MiB)");
    if (input_.size() < bytes) input_ = GpuBuffer(gpu_, bytes, BufferUse::Device);
    for (size_t s = 0; s < results_.size(); ++s) {
        const VkDeviceSize need = VkDeviceSize(width) * height * bytesPerPixel(plan_.outputKind(s));
        if (results_[s].size() < need) results_[s] = GpuBuffer(gpu_, need, BufferUse::Device);
        frameKernels_[s]->prepare(width, height);
    }
    for (size_t k = 0; k < kernels_.size(); ++k) {
        const KernelStage& stage = plan_.kernels[k];
        kernels_[k]->prepare(kernelFormats(stage, formats));
    }
}

void FrameProgram::record(VkCommandBuffer cmd, VkBuffer source, VkBuffer destination, uint32_t width, uint32_t height,
                          FrameFormats formats, const std::vector<VkBuffer>& given, int64_t frame) const {
    if (given.size() < plan_.givenFrames) throw Error("internal error: a frame program was given too few frames");
    auto frameOf = [&](const FrameRef& ref) { return ref.given ? given[ref.index - 1] : results_[ref.index].handle(); };
    if (!hasFrameSteps()) {
        std::vector<VkBuffer> frames;
        for (const FrameRef& f : plan_.kernels.front().frames) frames.push_back(frameOf(f));
        kernels_.front()->record(cmd, source, destination, width, height, formats, frames);
        return;
    }
    for (const StagePlan::Stage& stage : plan_.order) {
        if (stage.kernel >= 0) {
            const KernelStage& k = plan_.kernels[size_t(stage.kernel)];
            std::vector<VkBuffer> frames;
            for (const FrameRef& f : k.frames) frames.push_back(frameOf(f));
            kernels_[size_t(stage.kernel)]->record(cmd, source, k.feeds >= 0 ? input_.handle() : destination, width, height,
                                                   kernelFormats(k, formats), frames);
        } else {
            const FrameStage& s = plan_.frames[size_t(stage.frame)];
            FrameStepIo io;
            io.inputs = {s.input >= 0 ? results_[size_t(s.input)].handle() : input_.handle()};
            io.output = results_[size_t(stage.frame)].handle();
            if (frame >= 0) io.frames = {frame};
            io.width = width;
            io.height = height;
            frameKernels_[size_t(stage.frame)]->record(cmd, io);
        }
        computeBarrier(cmd);
    }
}

uint32_t FrameProgram::dispatchesFor(uint32_t width, uint32_t height, FrameFormats) const {
    if (!hasFrameSteps()) return kernels_.front()->dispatchesFor(width * height);
    uint32_t n = uint32_t(plan_.kernels.size());
    for (const auto& k : frameKernels_) n += k->dispatches();
    return n;
}

}  // namespace tinct
