#include "app/gui/ViewerRenderer.h"

#include <cstring>

#include "engine/Error.h"
#include "engine/gpu/EmbeddedShaders.h"
#include "engine/gpu/GpuContext.h"

namespace tinct {
namespace {

struct CompositePush {
    int32_t windowW, windowH, viewX, viewY, viewW, viewH, imageW, imageH;
    float originX, originY, scale, wipe;
    int32_t scopeX, scopeY, scopeW, scopeH, scopeImageW, scopeImageH;
    uint32_t bgr;
};

void computeBarrier(VkCommandBuffer cmd, VkAccessFlags dstAccess, VkPipelineStageFlags dstStage) {
    VkMemoryBarrier b{VK_STRUCTURE_TYPE_MEMORY_BARRIER, nullptr, VK_ACCESS_SHADER_WRITE_BIT, dstAccess};
    vkCmdPipelineBarrier(cmd, VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT, dstStage, 0, 1, &b, 0, nullptr, 0, nullptr);
}

}  // namespace

ViewerRenderer::ViewerRenderer(GpuContext& gpu) : gpu_(gpu) {
    composite_ = std::make_unique<ComputeKernel>(
        gpu_, shaders::spirv("viewer_composite"),
        std::vector<BindingKind>(4, BindingKind::StorageBuffer), uint32_t(sizeof(CompositePush)), "viewer_composite");
    dummy_ = GpuBuffer(gpu_, 16, BufferUse::Device);
    pickDownload_ = GpuBuffer(gpu_, 16, BufferUse::Download);
}

ViewerRenderer::~ViewerRenderer() = default;

void ViewerRenderer::setSource(const Frame& frame) {
    const size_t bytes = frame.pixelCount() * 16;
    if (frame.storage != PixelStorage::Float) throw Error("the viewer needs float frames");
    if (frame.width != width_ || frame.height != height_ || source_.size() != bytes) {
        view_ = GpuBuffer(gpu_, bytes, BufferUse::Device);
        signal_ = GpuBuffer(gpu_, bytes, BufferUse::Device);
        reference_ = GpuBuffer(gpu_, bytes, BufferUse::Device);
    }
    source_ = GpuBuffer::withData(gpu_, frame.rgba.data(), bytes);
    width_ = frame.width;
    height_ = frame.height;
    for (auto* p : {viewProgram_.get(), signalProgram_.get(), referenceProgram_.get()})
        if (p) p->prepare({}, uint32_t(width_), uint32_t(height_));
    gradeDirty_ = referenceDirty_ = true;
}

void ViewerRenderer::setReferenceSource(const Frame* frame) {
    ownReferenceSource_ = frame != nullptr;
    referenceDirty_ = true;
    if (!frame) return;
    if (frame->width != width_ || frame->height != height_ || frame->storage != PixelStorage::Float)
        throw Error("the still is " + std::to_string(frame->width) + "x" + std::to_string(frame->height) + ", the shot " +
                    std::to_string(width_) + "x" + std::to_string(height_) + ": a wipe needs the same size");
    referenceSource_ = GpuBuffer::withData(gpu_, frame->rgba.data(), frame->pixelCount() * 16);
}

void ViewerRenderer::setPrograms(const ViewerPrograms& programs) {
    // A parameter edit keeps the structure: the existing kernels take the new values, no compile.
    auto build = [&](std::unique_ptr<FrameProgram>& current, const PointSteps& steps) {
        if (current && current->update(steps)) return std::move(current);
        auto p = std::make_unique<FrameProgram>(gpu_, steps);
        if (width_ > 0) p->prepare({}, uint32_t(width_), uint32_t(height_));
        return p;
    };
    auto view = build(viewProgram_, programs.view);
    auto signal = programs.aids ? build(signalProgram_, programs.signal) : nullptr;
    auto reference = build(referenceProgram_, programs.reference);
    viewProgram_ = std::move(view);
    signalProgram_ = std::move(signal);
    referenceProgram_ = std::move(reference);
    gradeDirty_ = referenceDirty_ = true;
}

void ViewerRenderer::setScope(const ScopeOptions& options) {
    scopes_ = std::make_unique<ScopeEngine>(gpu_, options);
    scopeImage_.reset();
    gradeDirty_ = true;
}

void ViewerRenderer::record(VkCommandBuffer cmd, const CompositeLayout& layout, VkBuffer window, int windowW,
                            int windowH, bool bgr) {
    scopeRecorded_ = pickRecorded_ = false;
    const bool ready = width_ > 0 && viewProgram_;
    if (ready && gradeDirty_) {
        const uint32_t w = uint32_t(width_), h = uint32_t(height_);
        viewProgram_->record(cmd, source_.handle(), view_.handle(), w, h, {});
        computeBarrier(cmd, VK_ACCESS_SHADER_READ_BIT | VK_ACCESS_SHADER_WRITE_BIT, VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT);
        if (signalProgram_) {
            signalProgram_->record(cmd, source_.handle(), signal_.handle(), w, h, {});
            computeBarrier(cmd, VK_ACCESS_SHADER_READ_BIT | VK_ACCESS_SHADER_WRITE_BIT,
                           VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT);
        }
        if (scopes_) {
            scopes_->record(cmd, signalProgram_ ? signal_.handle() : view_.handle(), w, h);
            computeBarrier(cmd, VK_ACCESS_SHADER_READ_BIT | VK_ACCESS_SHADER_WRITE_BIT | VK_ACCESS_TRANSFER_READ_BIT,
                           VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT | VK_PIPELINE_STAGE_TRANSFER_BIT);
            scopeRecorded_ = true;
        }
        gradeDirty_ = false;
    }
    if (ready && layout.wipe && referenceDirty_) {
        referenceProgram_->record(cmd, ownReferenceSource_ ? referenceSource_.handle() : source_.handle(), reference_.handle(),
                                  uint32_t(width_), uint32_t(height_), {});
        computeBarrier(cmd, VK_ACCESS_SHADER_READ_BIT, VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT);
        referenceDirty_ = false;
    }
    if (ready && pick_) {
        computeBarrier(cmd, VK_ACCESS_TRANSFER_READ_BIT, VK_PIPELINE_STAGE_TRANSFER_BIT);
        VkBufferCopy region{(VkDeviceSize((*pick_)[1]) * width_ + (*pick_)[0]) * 16, 0, 16};
        vkCmdCopyBuffer(cmd, signalProgram_ ? signal_.handle() : view_.handle(), pickDownload_.handle(), 1, &region);
        VkMemoryBarrier host{VK_STRUCTURE_TYPE_MEMORY_BARRIER, nullptr, VK_ACCESS_TRANSFER_WRITE_BIT, VK_ACCESS_HOST_READ_BIT};
        vkCmdPipelineBarrier(cmd, VK_PIPELINE_STAGE_TRANSFER_BIT, VK_PIPELINE_STAGE_HOST_BIT, 0, 1, &host, 0, nullptr, 0,
                             nullptr);
        pickRecorded_ = true;
    }

    CompositePush push{};
    push.windowW = windowW, push.windowH = windowH;
    push.viewX = layout.viewX, push.viewY = layout.viewY, push.viewW = layout.viewW, push.viewH = layout.viewH;
    push.imageW = ready ? width_ : 0, push.imageH = ready ? height_ : 0;
    push.originX = layout.originX, push.originY = layout.originY, push.scale = layout.scale;
    push.wipe = layout.wipe ? *layout.wipe : 1e30f;
    const bool scope = scopeImage_ && layout.scopeW > 0 && scopeUpload_.size() > 0;
    if (scope) {
        push.scopeX = layout.scopeX, push.scopeY = layout.scopeY, push.scopeW = layout.scopeW, push.scopeH = layout.scopeH;
        push.scopeImageW = scopeImage_->width, push.scopeImageH = scopeImage_->height;
    }
    push.bgr = bgr ? 1 : 0;
    const VkBuffer image = ready ? view_.handle() : dummy_.handle();
    const Binding bindings[4] = {{BindingKind::StorageBuffer, image},
                                 {BindingKind::StorageBuffer, ready && layout.wipe ? reference_.handle() : image},
                                 {BindingKind::StorageBuffer, scope ? scopeUpload_.handle() : dummy_.handle()},
                                 {BindingKind::StorageBuffer, window}};
    composite_->record(cmd, bindings, &push, uint32_t(windowW + 15) / 16, uint32_t(windowH + 15) / 16);
}

bool ViewerRenderer::afterFrame() {
    if (pickRecorded_) {
        pickDownload_.invalidate();
        std::array<float, 4> v;
        std::memcpy(v.data(), pickDownload_.mapped(), 16);
        pickedSignal_ = v;
    } else if (!pick_) {
        pickedSignal_.reset();
    }
    if (!scopeRecorded_ || !scopes_) return false;
    auto images = scopes_->images();
    if (images.empty()) return false;
    scopeImage_ = std::move(images.front());
    const size_t bytes = scopeImage_->rgba.size();
    if (scopeUpload_.size() != bytes)
        scopeUpload_ = GpuBuffer(gpu_, bytes, BufferUse::Upload, VK_BUFFER_USAGE_STORAGE_BUFFER_BIT);
    std::memcpy(scopeUpload_.mapped(), scopeImage_->rgba.data(), bytes);
    scopeUpload_.flush();
    return true;
}

}  // namespace tinct
