#include "app/gui/ViewerRenderer.h"

#include <algorithm>
#include <cmath>
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
    uint32_t packing;  // WindowPacking
    uint32_t uiToPq;   // 1: HDR10; the station's own pixels go to PQ at graphics white
    int32_t regionX, regionY;
};

struct DownscalePush {
    int32_t sourceW, sourceH, proxyW, proxyH, factor;
};

constexpr int kMaxProxyFactor = 8;
// What lavapipe grades through an ACES output transform, with the scope, in about 40 ms on two cores.
constexpr double kPreviewPixels = 100000;

}  // namespace

ViewerRenderer::ViewerRenderer(GpuContext& gpu) : gpu_(gpu) {
    composite_ = std::make_unique<ComputeKernel>(
        gpu_, shaders::spirv("viewer_composite"),
        std::vector<BindingKind>(4, BindingKind::StorageBuffer), uint32_t(sizeof(CompositePush)), "viewer_composite");
    downscale_ = std::make_unique<ComputeKernel>(gpu_, shaders::spirv("downscale_box"),
                                                 std::vector<BindingKind>(2, BindingKind::StorageBuffer),
                                                 uint32_t(sizeof(DownscalePush)), "downscale_box");
    dummy_ = GpuBuffer(gpu_, 16, BufferUse::Device);
    pickDownload_ = GpuBuffer(gpu_, 16, BufferUse::Download);
}

ViewerRenderer::~ViewerRenderer() {
    if (build_.valid()) build_.wait();  // the worker uses the GPU context
}

void ViewerRenderer::resizeGraded() {
    const size_t bytes = size_t(gradedW()) * gradedH() * 16;
    if (view_.size() != bytes) {
        view_ = GpuBuffer(gpu_, bytes, BufferUse::Device);
        signal_ = GpuBuffer(gpu_, bytes, BufferUse::Device);
        reference_ = GpuBuffer(gpu_, bytes, BufferUse::Device);
    }
    if (factor_ > 1 && proxySource_.size() != bytes) {
        proxySource_ = GpuBuffer(gpu_, bytes, BufferUse::Device);
        proxyReference_ = GpuBuffer(gpu_, bytes, BufferUse::Device);
    }
    for (auto* p : {programs_.view.get(), programs_.signal.get(), programs_.reference.get()})
        if (p) p->prepare({}, gradedW(), gradedH());
    gradeDirty_ = referenceDirty_ = proxyDirty_ = true;
}

void ViewerRenderer::setSource(const Frame& frame) {
    if (frame.storage != PixelStorage::Float) throw Error("the viewer needs float frames");
    const bool resized = frame.width != width_ || frame.height != height_;
    source_ = GpuBuffer::withData(gpu_, frame.rgba.data(), frame.pixelCount() * 16);
    width_ = frame.width;
    height_ = frame.height;
    if (resized) {
        factor_ = 1;
        setViewScale(0);  // settles the factor for the new size
        resizeGraded();
    }
    gradeDirty_ = referenceDirty_ = proxyDirty_ = true;
}

void ViewerRenderer::setViewScale(float scale, bool preview) {
    if (scale > 0) {
        wantedFactor_ = std::clamp(int(std::floor(1 / scale)), 1, kMaxProxyFactor);
        preview_ = preview && gpu_.description().kind == DeviceKind::Cpu;
    }
    int wanted = wantedFactor_;
    if (preview_)  // the smallest factor that brings the graded pixels within the budget
        wanted = std::max(wanted, int(std::ceil(std::sqrt(double(width_) * height_ / kPreviewPixels))));
    const bool spatial = programs_.view && programs_.view->hasFrameSteps();
    const int factor = spatial || width_ == 0 ? 1 : std::clamp(wanted, 1, std::max(1, std::min({width_, height_, kMaxProxyFactor})));
    if (factor == factor_) return;
    factor_ = factor;
    resizeGraded();
}

void ViewerRenderer::setReferenceSource(const Frame* frame) {
    ownReferenceSource_ = frame != nullptr;
    referenceDirty_ = proxyDirty_ = true;
    if (!frame) return;
    if (frame->width != width_ || frame->height != height_ || frame->storage != PixelStorage::Float)
        throw Error("the still is " + std::to_string(frame->width) + "x" + std::to_string(frame->height) + ", the shot " +
                    std::to_string(width_) + "x" + std::to_string(height_) + ": a wipe needs the same size");
    referenceSource_ = GpuBuffer::withData(gpu_, frame->rgba.data(), frame->pixelCount() * 16);
}

void ViewerRenderer::setPrograms(const ViewerPrograms& programs) {
    latest_ = programs;
    ++generation_;
    if (building()) return;  // poll() takes the latest once the build in flight is done
    // A parameter edit keeps the structure: the existing kernels take the new values, no compile.
    auto updates = [](const std::unique_ptr<FrameProgram>& p, const PointSteps& steps) { return p && p->update(steps); };
    const bool same = updates(programs_.view, programs.view) && updates(programs_.reference, programs.reference) &&
                      (programs.aids ? updates(programs_.signal, programs.signal) : !programs_.signal);
    if (same) {
        gradeDirty_ = referenceDirty_ = true;
        return;
    }
    startBuild(programs);
}

void ViewerRenderer::startBuild(const ViewerPrograms& programs) {
    // The new kernels are compiled on a worker (shader compiles and pipeline creation are the slow
    // part of a structure edit, most of all on lavapipe); the frame loop keeps presenting meanwhile.
    const uint32_t w = std::max(gradedW(), 1u), h = std::max(gradedH(), 1u);
    build_ = std::async(std::launch::async, [this, programs, w, h, generation = generation_] {
        Built b;
        b.generation = generation;
        try {
            auto make = [&](const PointSteps& steps) {
                auto p = std::make_unique<FrameProgram>(gpu_, steps);
                p->prepare({}, w, h);
                return p;
            };
            b.programs.view = make(programs.view);
            if (programs.aids) b.programs.signal = make(programs.signal);
            b.programs.reference = make(programs.reference);
        } catch (const Error& e) {
            b.error = e.what();
        }
        return b;
    });
}

std::optional<std::string> ViewerRenderer::poll() {
    if (!building() || build_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return std::nullopt;
    Built built = build_.get();
    if (!built.error.empty()) return built.error;
    programs_ = std::move(built.programs);
    // Prepared for the graded size when the build began; the factor may have moved since (a zoom),
    // and a spatial grade turns the proxy off.
    const int before = factor_;
    setViewScale(0);
    if (factor_ == before)
        for (auto* p : {programs_.view.get(), programs_.signal.get(), programs_.reference.get()})
            if (p) p->prepare({}, gradedW(), gradedH());
    gradeDirty_ = referenceDirty_ = true;
    if (built.generation != generation_) setPrograms(latest_);  // edits made while it was building
    return std::nullopt;
}

void ViewerRenderer::setScope(const ScopeOptions& options) {
    scopes_ = std::make_unique<ScopeEngine>(gpu_, options);
    scopeImage_.reset();
    gradeDirty_ = true;
}

void ViewerRenderer::record(VkCommandBuffer cmd, const CompositeLayout& layout, VkBuffer window, int windowW,
                            int windowH, const SurfaceFormatChoice& format) {
    scopeRecorded_ = pickRecorded_ = false;
    const bool ready = width_ > 0 && programs_.view;
    const uint32_t w = gradedW(), h = gradedH();
    const bool proxy = factor_ > 1;
    if (ready && proxy && proxyDirty_) {
        DownscalePush push{width_, height_, int32_t(w), int32_t(h), factor_};
        auto downscale = [&](const GpuBuffer& from, const GpuBuffer& to) {
            const Binding b[2] = {{BindingKind::StorageBuffer, from.handle()}, {BindingKind::StorageBuffer, to.handle()}};
            downscale_->record(cmd, b, &push, (w + 15) / 16, (h + 15) / 16);
        };
        downscale(source_, proxySource_);
        if (ownReferenceSource_) downscale(referenceSource_, proxyReference_);
        computeBarrier(cmd);
        proxyDirty_ = false;
    }
    const VkBuffer source = proxy ? proxySource_.handle() : source_.handle();
    const VkBuffer referenceSource = !ownReferenceSource_ ? source : proxy ? proxyReference_.handle() : referenceSource_.handle();
    bool graded = false;
    if (ready && gradeDirty_) {
        graded = true;
        programs_.view->record(cmd, source, view_.handle(), w, h, {});
        computeBarrier(cmd);
        if (programs_.signal) {
            programs_.signal->record(cmd, source, signal_.handle(), w, h, {});
            computeBarrier(cmd);
        }
        if (scopes_) {
            scopes_->record(cmd, programs_.signal ? signal_.handle() : view_.handle(), w, h);
            computeBarrier(cmd);
            scopeRecorded_ = true;
        }
        gradeDirty_ = false;
    }
    if (ready && layout.wipe && referenceDirty_) {
        programs_.reference->record(cmd, referenceSource, reference_.handle(), w, h, {});
        graded = true;
        computeBarrier(cmd);
        referenceDirty_ = false;
    }
    if (ready && pick_) {
        const VkDeviceSize x = VkDeviceSize(std::min((*pick_)[0] / factor_, int(w) - 1));
        const VkDeviceSize y = VkDeviceSize(std::min((*pick_)[1] / factor_, int(h) - 1));
        VkMemoryBarrier written{VK_STRUCTURE_TYPE_MEMORY_BARRIER, nullptr, VK_ACCESS_SHADER_WRITE_BIT, VK_ACCESS_TRANSFER_READ_BIT};
        vkCmdPipelineBarrier(cmd, VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT, VK_PIPELINE_STAGE_TRANSFER_BIT, 0, 1, &written, 0,
                             nullptr, 0, nullptr);
        VkBufferCopy region{(y * w + x) * 16, 0, 16};
        vkCmdCopyBuffer(cmd, programs_.signal ? signal_.handle() : view_.handle(), pickDownload_.handle(), 1, &region);
        VkMemoryBarrier host{VK_STRUCTURE_TYPE_MEMORY_BARRIER, nullptr, VK_ACCESS_TRANSFER_WRITE_BIT, VK_ACCESS_HOST_READ_BIT};
        vkCmdPipelineBarrier(cmd, VK_PIPELINE_STAGE_TRANSFER_BIT, VK_PIPELINE_STAGE_HOST_BIT, 0, 1, &host, 0, nullptr, 0,
                             nullptr);
        pickRecorded_ = true;
    }

    // The composite maps window pixels into the graded image: with a proxy, its coordinates are the
    // frame's divided by the factor.
    const float f = float(factor_);
    CompositePush push{};
    push.windowW = windowW, push.windowH = windowH;
    push.viewX = layout.viewX, push.viewY = layout.viewY, push.viewW = layout.viewW, push.viewH = layout.viewH;
    push.imageW = ready ? int32_t(w) : 0, push.imageH = ready ? int32_t(h) : 0;
    push.originX = layout.originX / f, push.originY = layout.originY / f, push.scale = layout.scale * f;
    push.wipe = layout.wipe ? *layout.wipe / f : 1e30f;
    const bool scope = scopeImage_ && layout.scopeW > 0 && scopeUpload_.size() > 0;
    if (scope) {
        push.scopeX = layout.scopeX, push.scopeY = layout.scopeY, push.scopeW = layout.scopeW, push.scopeH = layout.scopeH;
        push.scopeImageW = scopeImage_->width, push.scopeImageH = scopeImage_->height;
    }
    push.packing = uint32_t(format.packing);
    push.uiToPq = format.signal == SwapchainSignal::Hdr10 ? 1 : 0;
    const VkBuffer image = ready ? view_.handle() : dummy_.handle();
    const Binding bindings[4] = {{BindingKind::StorageBuffer, image},
                                 {BindingKind::StorageBuffer, ready && layout.wipe ? reference_.handle() : image},
                                 {BindingKind::StorageBuffer, scope ? scopeUpload_.handle() : dummy_.handle()},
                                 {BindingKind::StorageBuffer, window}};
    // The window buffer keeps what was composited before (the window copies it to each frame's image),
    // so only what changed is composited again: the viewer's area when its picture or framing moved,
    // the scope's when a new scope image came; all of it when the window or its format changed.
    // On lavapipe compositing the whole window each frame cost as much as grading a preview.
    const std::array<int, 4> windowKey{windowW, windowH, int(push.packing), int(push.uiToPq)};
    const bool whole = windowKey != composited_.window || window != composited_.buffer;
    const bool viewer = whole || graded || !(layout == composited_.layout) || ready != composited_.ready;
    const bool scopeArea = whole || scopeChanged_ || !(layout == composited_.layout);
    auto region = [&](int x, int y, int w, int h) {
        x = std::clamp(x, 0, windowW), y = std::clamp(y, 0, windowH);
        w = std::clamp(w, 0, windowW - x), h = std::clamp(h, 0, windowH - y);
        if (w == 0 || h == 0) return;
        push.regionX = x, push.regionY = y;
        composite_->record(cmd, bindings, &push, uint32_t(w + 15) / 16, uint32_t(h + 15) / 16);
    };
    if (whole) {
        region(0, 0, windowW, windowH);
    } else {
        if (viewer) region(layout.viewX, layout.viewY, layout.viewW, layout.viewH);
        if (scopeArea) region(layout.scopeX, layout.scopeY, layout.scopeW, layout.scopeH);
    }
    composited_ = {windowKey, window, layout, ready};
    scopeChanged_ = false;
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
    scopeChanged_ = true;
    return true;
}

}  // namespace tinct
