#include "engine/graph/FrameProgram.h"

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

void shaderBarrier(VkCommandBuffer cmd) {
    VkMemoryBarrier b{VK_STRUCTURE_TYPE_MEMORY_BARRIER};
    b.srcAccessMask = VK_ACCESS_SHADER_WRITE_BIT;
    b.dstAccessMask = VK_ACCESS_SHADER_READ_BIT | VK_ACCESS_SHADER_WRITE_BIT;
    vkCmdPipelineBarrier(cmd, VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT, VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT, 0, 1, &b, 0,
                         nullptr, 0, nullptr);
}

}  // namespace

FrameProgram::FrameProgram(GpuContext& gpu, const PointSteps& steps) : gpu_(gpu), steps_(steps) {
    PointSteps run;
    auto flush = [&] {
        if (!run.empty()) stages_.push_back({std::make_unique<FusedKernel>(gpu, run), nullptr});
        run.clear();
    };
    for (const auto& step : steps_) {
        if (const SpatialOp* op = step->spatial()) {
            flush();
            stages_.push_back({nullptr, op});
            spatial_.push_back(op);
        } else {
            run.push_back(step);
        }
    }
    flush();
    if (stages_.empty()) stages_.push_back({std::make_unique<FusedKernel>(gpu, PointSteps{}), nullptr});
    if (!spatial_.empty()) {
        convert_ = std::make_unique<FusedKernel>(gpu, PointSteps{});
        using B = BindingKind;
        blur_ = std::make_unique<ComputeKernel>(gpu, shaders::spirv("spatial_blur"), std::vector<B>(3, B::StorageBuffer),
                                                sizeof(BlurPush), "spatial_blur");
    }
}

FrameProgram::~FrameProgram() = default;

void FrameProgram::prepare(FrameFormats formats, uint32_t width, uint32_t height) {
    if (spatial_.empty()) {
        stages_.front().run->prepare(formats);
        return;
    }
    const VkDeviceSize bytes = VkDeviceSize(width) * height * 16;
    if (bytes > gpu_.limits().maxStorageBufferRange)
        throw Error("a " + std::to_string(width) + "x" + std::to_string(height) + " frame is larger than " +
                    gpu_.description().name + " lets blur and sharpen nodes bind (" +
                    std::to_string(gpu_.limits().maxStorageBufferRange >> 20) + " MiB)");
    for (auto& s : scratch_)
        if (s.size() < bytes) s = GpuBuffer(gpu_, bytes, BufferUse::Device);
    convert_->prepare({formats.sourceHalf, false});
    convert_->prepare({false, formats.destinationHalf});
    for (size_t i = 0; i < stages_.size(); ++i) {
        if (!stages_[i].run) continue;
        const bool first = i == 0, last = i + 1 == stages_.size();
        stages_[i].run->prepare({first && formats.sourceHalf, last && formats.destinationHalf});
    }
}

void FrameProgram::record(VkCommandBuffer cmd, VkBuffer source, VkBuffer destination, uint32_t width, uint32_t height,
                          FrameFormats formats) const {
    const uint32_t pixels = width * height;
    if (spatial_.empty()) {
        stages_.front().run->record(cmd, source, destination, pixels, formats);
        return;
    }
    const VkBuffer scratch[2] = {scratch_[0].handle(), scratch_[1].handle()};
    int current = -1;  // -1: the source; else the scratch buffer holding the frame
    auto at = [&](int i) { return i < 0 ? source : scratch[i]; };
    for (size_t i = 0; i < stages_.size(); ++i) {
        const bool last = i + 1 == stages_.size();
        if (stages_[i].run) {
            const int out = current == 0 ? 1 : 0;
            stages_[i].run->record(cmd, at(current), last ? destination : scratch[out], pixels,
                                   {current < 0 && formats.sourceHalf, last && formats.destinationHalf});
            shaderBarrier(cmd);
            current = out;
            continue;
        }
        if (current < 0) {  // spatial kernels work on float frames
            convert_->record(cmd, source, scratch[0], pixels, {formats.sourceHalf, false});
            shaderBarrier(cmd);
            current = 0;
        }
        const SpatialOp& op = *stages_[i].spatial;
        const int radius = std::max(1, int(std::ceil(3.0f * op.sigma)));
        const int temp = 1 - current;
        const BlurPush horizontal{width, height, radius, op.sigma, 0, op.amount};
        const Binding h[] = {{BindingKind::StorageBuffer, scratch[current]}, {BindingKind::StorageBuffer, scratch[current]},
                             {BindingKind::StorageBuffer, scratch[temp]}};
        blur_->record(cmd, h, &horizontal, (width + 15) / 16, (height + 15) / 16);
        shaderBarrier(cmd);
        const BlurPush vertical{width, height, radius, op.sigma, 1, op.amount};
        const Binding v[] = {{BindingKind::StorageBuffer, scratch[temp]}, {BindingKind::StorageBuffer, scratch[current]},
                             {BindingKind::StorageBuffer, scratch[current]}};
        blur_->record(cmd, v, &vertical, (width + 15) / 16, (height + 15) / 16);
        shaderBarrier(cmd);
        if (last) convert_->record(cmd, scratch[current], destination, pixels, {false, formats.destinationHalf});
    }
}

uint32_t FrameProgram::dispatchesFor(uint32_t width, uint32_t height, FrameFormats formats) const {
    const uint32_t pixels = width * height;
    if (spatial_.empty()) return stages_.front().run->dispatchesFor(pixels);
    uint32_t n = 0;
    bool fromSource = true;
    for (size_t i = 0; i < stages_.size(); ++i) {
        if (stages_[i].run) {
            n += stages_[i].run->dispatchesFor(pixels);
        } else {
            n += (fromSource ? 1 : 0) + 2 + (i + 1 == stages_.size() ? 1 : 0);
        }
        fromSource = false;
    }
    return n;
}

}  // namespace tinct
