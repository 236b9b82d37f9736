#include "app/gui/NodeThumbnails.h"

#include <algorithm>
#include <chrono>
#include <set>

#include "app/gui/MediaSource.h"
#include "app/gui/UploadedFrames.h"
#include "app/gui/ThumbnailSteps.h"
#include "engine/Error.h"
#include "engine/gpu/GpuContext.h"

namespace tinct {
namespace {

// The node editor's canvas, as sRGB code values (the station's own colours): the boxes and links
// are drawn over it.
constexpr std::array<float, 3> kCanvas = {30 / 255.0f, 30 / 255.0f, 34 / 255.0f};

}  // namespace

NodeThumbnails::NodeThumbnails(GpuContext& gpu, MediaSource& media, UploadedFrames& frames, int width)
    : gpu_(gpu), media_(media), frames_(frames), wanted_(width), shrink_(gpu), blit_(gpu) {}

NodeThumbnails::~NodeThumbnails() {
    if (build_.valid()) build_.wait();  // the worker uses the GPU context
}

std::string NodeThumbnails::showFrame(int64_t number) {
    frames_.sizeFrom(number);
    const auto [w, h] = thumbnailSize(frames_.width(), frames_.height(), wanted_);
    const bool resized = w != width_ || h != height_ || frames_.width() != sourceWidth_ || frames_.height() != sourceHeight_;
    shown_ = number;
    width_ = w, height_ = h, sourceWidth_ = frames_.width(), sourceHeight_ = frames_.height();
    for (auto& [id, t] : thumbnails_) t.dirty = true;
    if (!resized) return "";
    // A new size: intermediate frames of the new size, new images, and every program's steps with
    // spatial sizes scaled anew (new values, no compile).
    smalls_.clear();
    for (auto& [id, t] : thumbnails_)
        if (t.program) t.program->prepare(uint32_t(width_), uint32_t(height_), {});
    return rebuild(true);
}

std::unique_ptr<Evaluator> NodeThumbnails::makeProgram(const PointSteps& steps, int width, int height) const {
    EvaluatorOptions options;
    options.keepFrames = 4;  // a few frames either way: stepping about shows thumbnails at once
    auto program = std::make_unique<Evaluator>(gpu_, steps, media_.source(), options);
    program->prepare(uint32_t(width), uint32_t(height), {});
    return program;
}

VkBuffer NodeThumbnails::small(VkCommandBuffer cmd, int64_t number) {
    for (auto it = smalls_.begin(); it != smalls_.end(); ++it)
        if (it->number == number) {
            smalls_.splice(smalls_.begin(), smalls_, it);
            return smalls_.front().frame.handle();
        }
    const VkBuffer full = frames_.get(number);
    smalls_.push_front({number, GpuBuffer(gpu_, size_t(width_) * height_ * 16, BufferUse::Device)});
    if (smalls_.size() > 8) smalls_.pop_back();
    shrink_.record(cmd, full, sourceWidth_, sourceHeight_, smalls_.front().frame.handle(), width_, height_);
    return smalls_.front().frame.handle();
}

namespace {
// The least time between two thumbnail updates during a drag.
constexpr std::chrono::milliseconds kDragInterval{100};
}  // namespace

std::string NodeThumbnails::setGrade(const Grade& grade, const ColorPlan& plan, const std::string& baseDirectory,
                                     bool colourChanged) {
    grade_ = grade;
    plan_ = plan;
    baseDirectory_ = baseDirectory;
    hasGrade_ = true;
    heldAll_ = heldAll_ || colourChanged;
    const bool drag = editFrame_ + 1 == frame_;
    editFrame_ = frame_;
    if (drag && !colourChanged && std::chrono::steady_clock::now() - appliedAt_ < heldFor_) {
        held_ = true;
        return "";
    }
    return apply();
}

std::string NodeThumbnails::apply() {
    const auto start = std::chrono::steady_clock::now();
    const bool all = heldAll_;
    held_ = heldAll_ = false;
    const std::string failure = rebuild(all);
    appliedAt_ = std::chrono::steady_clock::now();
    heldFor_ = std::clamp<std::chrono::steady_clock::duration>(10 * (appliedAt_ - start), kDragInterval, std::chrono::milliseconds(500));
    return failure;
}

void NodeThumbnails::install(Thumbnail& t, std::vector<GradeNode> inputs, float scale) {
    const size_t bytes = size_t(width_) * height_ * 16;
    if (t.image.size() != bytes) t.image = GpuBuffer(gpu_, bytes, BufferUse::Device);
    t.inputs = std::move(inputs);
    t.scale = scale;
    t.dirty = true;
}

std::string NodeThumbnails::rebuild(bool all) {
    if (!hasGrade_ || width_ == 0) return "";  // made when both a grade and a source are there
    if (building()) {  // poll() comes back here with the latest grade once the build lands
        pending_ = true;
        pendingAll_ = pendingAll_ || all;
        return "";
    }
    std::set<std::string> ids = {kSourceInput};
    for (const auto& n : grade_.nodes) ids.insert(n.id);
    std::erase_if(thumbnails_, [&](const auto& entry) { return !ids.count(entry.first); });

    std::string failure;
    const float scale = spatialScale();
    Build build{{}, width_, height_};
    for (const std::string& id : ids) {
        Thumbnail& t = thumbnails_[id];
        try {
            std::vector<GradeNode> inputs = thumbnailInputs(grade_, id);
            if (!all && t.program && t.scale == scale && t.inputs == inputs) continue;
            PointSteps steps = thumbnailSteps(grade_, id, plan_, baseDirectory_, scale);
            if (t.program && t.program->update(steps)) {
                ++counts_.updated;
                install(t, std::move(inputs), scale);
                continue;
            }
            // A new structure: the old thumbnail stays until the worker's program replaces it.
            build.jobs.push_back({id, std::move(steps), std::move(inputs), scale, nullptr, ""});
        } catch (const Error& e) {
            thumbnails_.erase(id);
            if (failure.empty()) failure = "the thumbnail of " + id + ": " + e.what();
        }
    }
    if (!build.jobs.empty()) {
        // Shader compiles and pipeline creation are the slow part, most of all on lavapipe; they
        // happen on a worker while the frame loop goes on presenting.
        build_ = std::async(std::launch::async, [this, build = std::move(build)]() mutable {
            for (Job& job : build.jobs) {
                try {
                    job.program = makeProgram(job.steps, build.width, build.height);
                } catch (const Error& e) {
                    job.error = e.what();
                }
            }
            return std::move(build);
        });
    }
    return failure;
}

std::string NodeThumbnails::poll() {
    std::string failure;
    if (held_ && editFrame_ != frame_) failure = apply();  // a frame with no edit: the drag stopped
    ++frame_;
    if (!building() || build_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return failure;
    Build build = build_.get();
    for (Job& job : build.jobs) {
        if (!grade_.find(job.id) && job.id != kSourceInput) continue;  // removed while it was building
        if (!job.error.empty()) {
            thumbnails_.erase(job.id);
            if (failure.empty()) failure = "the thumbnail of " + job.id + ": " + job.error;
            continue;
        }
        // Prepared for the source's size when the build began; a new source may have come since.
        if (build.width != width_ || build.height != height_) job.program->prepare(uint32_t(width_), uint32_t(height_), {});
        Thumbnail& t = thumbnails_[job.id];
        t.program = std::move(job.program);
        ++counts_.built;
        install(t, std::move(job.inputs), job.scale);
    }
    if (pending_) {  // edits made while it was building, against the programs just swapped in
        const bool all = pendingAll_;
        pending_ = pendingAll_ = false;
        const std::string later = rebuild(all);
        if (failure.empty()) failure = later;
    }
    return failure;
}

std::string NodeThumbnails::settle() {
    std::string failure = held_ ? apply() : "";
    while (building()) {
        build_.wait();
        const std::string f = poll();
        if (failure.empty()) failure = f;
    }
    return failure;
}

void NodeThumbnails::record(VkCommandBuffer cmd, const std::array<float, 4>& canvas,
                            const std::map<std::string, std::array<float, 4>>& rects, VkBuffer window, int windowW,
                            int windowH, const SurfaceFormatChoice& format) {
    bool rendered = false;
    for (auto& [id, t] : thumbnails_) {
        if (!t.dirty || !t.program || shown_ < 0) continue;
        Evaluator& e = *t.program;
        const std::vector<int64_t> needed = e.beginFrame(shown_);
        if (e.temporal()) {
            for (int64_t f : needed) e.recordSource(cmd, f, {small(cmd, f), PixelStorage::Float, nullptr});
            e.recordFrame(cmd, shown_, nullptr, t.image.handle());
        } else {
            const SourceFrame current{small(cmd, shown_), PixelStorage::Float, nullptr};
            e.recordFrame(cmd, shown_, &current, t.image.handle());
        }
        t.dirty = false;
        rendered = true;
        ++counts_.rendered;
    }
    std::vector<ThumbnailPlacement> placements;
    for (const auto& [key, rect] : rects) {
        std::string id = key;
        if (key == kOutputThumbnail) id = grade_.outputNode() ? grade_.outputNode()->id : kSourceInput;
        const auto it = thumbnails_.find(id);
        if (it == thumbnails_.end() || !it->second.program || it->second.image.size() == 0) continue;
        placements.push_back({it->second.image.handle(), width_, height_, rect});
    }
    // The blit's first barrier also orders the renders above before it reads their images.
    if (blit_.record(cmd, canvas, kCanvas, placements, rendered, window, windowW, windowH, format)) ++counts_.blits;
}

}  // namespace tinct
