#include "app/gui/ViewerRenderer.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "app/gui/MediaSource.h"
#include "app/gui/UploadedFrames.h"
#include "engine/Error.h"
#include "engine/gpu/EmbeddedShaders.h"
#include "engine/gpu/GpuContext.h"
#include "engine/graph/Evaluator.h"
#include "engine/kernel/StagePlan.h"

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

ViewerRenderer::ViewerRenderer(GpuContext& gpu, MediaSource& media, UploadedFrames& frames)
    : gpu_(gpu), media_(media), frames_(frames) {
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

namespace {

// What the viewer keeps of a temporal grade beyond the frames one output needs: enough to step back
// and forth over a few frames without making any again.
constexpr uint32_t kViewerKeptFrames = 8;
// Proxies kept: the shown frame's and a still's.
constexpr size_t kProxiesKept = 2;

bool looksAround(const Evaluator& e) {
    if (e.temporal()) return true;
    for (const auto& part : e.plan().parts)
        if (planStages(part.program).frames.size() > 0) return true;
    return false;
}

}  // namespace

void ViewerRenderer::prepare(Programs& p, uint32_t w, uint32_t h) const {
    if (p.graded) p.graded->prepare(w, h, {});
    if (p.reference) p.reference->prepare(w, h, {});
    if (p.aids) p.aids->prepare({}, w, h);
}

void ViewerRenderer::resizeGraded() {
    const size_t bytes = size_t(gradedW()) * gradedH() * 16;
    if (view_.size() != bytes) {
        view_ = GpuBuffer(gpu_, bytes, BufferUse::Device);
        signal_ = GpuBuffer(gpu_, bytes, BufferUse::Device);
        reference_ = GpuBuffer(gpu_, bytes, BufferUse::Device);
        referenceSignal_ = GpuBuffer(gpu_, bytes, BufferUse::Device);
    }
    prepare(programs_, gradedW(), gradedH());
    gradeDirty_ = referenceDirty_ = true;
}

void ViewerRenderer::showFrame(int64_t number) {
    frames_.sizeFrom(number);
    const bool resized = frames_.width() != width_ || frames_.height() != height_;
    shown_ = number;
    width_ = frames_.width();
    height_ = frames_.height();
    if (resized) {
        proxies_.clear();
        factor_ = 1;
        setViewScale(0);  // settles the factor for the new size
        resizeGraded();
    }
    gradeDirty_ = referenceDirty_ = true;
}

VkBuffer ViewerRenderer::proxied(VkCommandBuffer cmd, int64_t number) {
    for (auto it = proxies_.begin(); it != proxies_.end(); ++it)
        if (it->number == number && it->factor == factor_) {
            proxies_.splice(proxies_.begin(), proxies_, it);
            return proxies_.front().frame.handle();
        }
    const VkBuffer full = frames_.get(number);
    const uint32_t w = gradedW(), h = gradedH();
    proxies_.push_front({number, factor_, GpuBuffer(gpu_, size_t(w) * h * 16, BufferUse::Device)});
    if (proxies_.size() > kProxiesKept) proxies_.pop_back();
    DownscalePush push{width_, height_, int32_t(w), int32_t(h), factor_};
    const Binding b[2] = {{BindingKind::StorageBuffer, full}, {BindingKind::StorageBuffer, proxies_.front().frame.handle()}};
    downscale_->record(cmd, b, &push, (w + 15) / 16, (h + 15) / 16);
    computeBarrier(cmd);
    return proxies_.front().frame.handle();
}

void ViewerRenderer::evaluate(VkCommandBuffer cmd, Evaluator& evaluator, int64_t number, VkBuffer target) {
    const std::vector<int64_t> needed = evaluator.beginFrame(number);
    if (!evaluator.temporal()) {
        const SourceFrame current{factor_ > 1 ? proxied(cmd, number) : frames_.get(number), PixelStorage::Float, nullptr};
        evaluator.recordFrame(cmd, number, &current, target);
        return;
    }
    for (int64_t f : needed) evaluator.recordSource(cmd, f, {frames_.get(f), PixelStorage::Float, nullptr});
    evaluator.recordFrame(cmd, number, nullptr, target);
}

void ViewerRenderer::setViewScale(float scale, bool preview) {
    if (scale > 0) {
        wantedFactor_ = std::clamp(int(std::floor(1 / scale)), 1, kMaxProxyFactor);
        preview_ = preview && gpu_.description().kind == DeviceKind::Cpu;
    }
    int wanted = wantedFactor_;
    if (preview_)  // the smallest factor that brings the graded pixels within the budget
        wanted = std::max(wanted, int(std::ceil(std::sqrt(double(width_) * height_ / kPreviewPixels))));
    const bool whole = (programs_.graded && looksAround(*programs_.graded)) ||
                       (programs_.reference && looksAround(*programs_.reference));
    const int factor = whole || width_ == 0 ? 1 : std::clamp(wanted, 1, std::max(1, std::min({width_, height_, kMaxProxyFactor})));
    if (factor == factor_) return;
    factor_ = factor;
    resizeGraded();
}

void ViewerRenderer::setReferenceFrame(std::optional<int64_t> number) {
    referenceFrame_ = number;
    referenceDirty_ = true;
}

void ViewerRenderer::setPrograms(const ViewerPrograms& programs) {
    latest_ = programs;
    ++generation_;
    if (building()) return;  // poll() takes the latest once the build in flight is done
    // A parameter edit keeps the structure: the existing kernels take the new values, no compile.
    const bool same = programs_.graded && programs_.graded->update(programs.signal) && programs_.reference &&
                      programs_.reference->update(programs.reference) &&
                      (programs.aids.empty() ? !programs_.aids : programs_.aids && programs_.aids->update(programs.aids));
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
            EvaluatorOptions options;
            options.keepFrames = kViewerKeptFrames;
            b.programs.graded = std::make_unique<Evaluator>(gpu_, programs.signal, media_.source(), options);
            b.programs.reference = std::make_unique<Evaluator>(gpu_, programs.reference, media_.source(), options);
            if (!programs.aids.empty()) b.programs.aids = std::make_unique<FrameProgram>(gpu_, programs.aids);
            prepare(b.programs, w, h);
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
    // and a spatial or temporal grade turns the proxy off.
    const int before = factor_;
    setViewScale(0);
    if (factor_ == before) prepare(programs_, gradedW(), gradedH());
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
    const bool ready = width_ > 0 && shown_ >= 0 && programs_.graded;
    const uint32_t w = gradedW(), h = gradedH();
    bool graded = false;
    if (ready && gradeDirty_) {
        graded = true;
        evaluate(cmd, *programs_.graded, shown_, signal_.handle());
        if (programs_.aids) {
            programs_.aids->record(cmd, signal_.handle(), view_.handle(), w, h, {});
            computeBarrier(cmd);
        }
        if (scopes_) {
            scopes_->record(cmd, signal_.handle(), w, h);
            computeBarrier(cmd);
            scopeRecorded_ = true;
        }
        gradeDirty_ = false;
    }
    if (ready && layout.wipe && referenceDirty_) {
        // The wipe's other side is seen through the same aids.
        if (programs_.aids) {
            evaluate(cmd, *programs_.reference, referenceFrame_.value_or(shown_), referenceSignal_.handle());
            programs_.aids->record(cmd, referenceSignal_.handle(), reference_.handle(), w, h, {});
            computeBarrier(cmd);
        } else {
            evaluate(cmd, *programs_.reference, referenceFrame_.value_or(shown_), reference_.handle());
        }
        graded = true;
        referenceDirty_ = false;
    }
    if (ready && pick_) {
        const VkDeviceSize x = VkDeviceSize(std::min((*pick_)[0] / factor_, int(w) - 1));
        const VkDeviceSize y = VkDeviceSize(std::min((*pick_)[1] / factor_, int(h) - 1));
        VkMemoryBarrier written{VK_STRUCTURE_TYPE_MEMORY_BARRIER, nullptr, VK_ACCESS_SHADER_WRITE_BIT, VK_ACCESS_TRANSFER_READ_BIT};
        vkCmdPipelineBarrier(cmd, VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT, VK_PIPELINE_STAGE_TRANSFER_BIT, 0, 1, &written, 0,
                             nullptr, 0, nullptr);
        VkBufferCopy region{(y * w + x) * 16, 0, 16};
        vkCmdCopyBuffer(cmd, signal_.handle(), pickDownload_.handle(), 1, &region);
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
    const VkBuffer image = !ready ? dummy_.handle() : programs_.aids ? view_.handle() : signal_.handle();
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
