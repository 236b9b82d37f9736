// frame_repair: frames lost to damage rebuilt from their neighbours by motion-compensated
// interpolation (shaders/frame_interpolate.comp): the frames the user lists, and those found blank,
// frozen (a repeat of the frame before) or damaged beyond what the neighbours explain
// (frame_repair_detect.comp). A run of listed frames is rebuilt between the good frames either side
// of it, up to kReach frames in a row. Frames that are not rebuilt are passed on bit for bit.
#include <algorithm>
#include <cmath>

#include "engine/Error.h"
#include "engine/gpu/ComputeKernel.h"
#include "engine/gpu/EmbeddedShaders.h"
#include "engine/gpu/GpuBuffer.h"
#include "engine/gpu/GpuContext.h"
#include "engine/io/FrameRange.h"
#include "engine/kernel/FrameStep.h"
#include "engine/restore/MotionEstimator.h"
#include "engine/restore/RestorationNodes.h"
#include "engine/restore/StorageBindings.h"

namespace tinct {

namespace {

constexpr int kReach = 3;        // frames either side: runs of up to 3 listed frames
constexpr int kDetectStep = 4;   // the detection samples every 4th pixel each way

struct FrameRepairSettings {
    std::vector<FrameRange> listed;
    bool blank = true, frozen = true, damaged = true;
    bool listedHas(int64_t f) const {
        return std::any_of(listed.begin(), listed.end(), [&](const FrameRange& r) { return f >= r.first && f <= r.last; });
    }
    bool detects() const { return blank || frozen || damaged; }
};

struct InterpolatePush {
    int32_t width, height, blocksX, blocksY;
    float t;
};
struct DetectPush {
    int32_t width, height, step;
    uint32_t listed, blank, frozen, damaged;
};
struct SelectPush {
    uint32_t pixelCount, rowPitch, mode;
};

class FrameRepairStep : public FrameStep {
public:
    explicit FrameRepairStep(FrameRepairSettings s) : s_(std::move(s)) {}
    std::string describe() const override { return "frame repair: lost frames rebuilt from their neighbours"; }
    Footprint footprint() const override { return {8, uint32_t(kReach)}; }
    FrameKind outputKind() const override { return FrameKind::Rgba; }
    std::string structure() const override { return "frame_repair"; }
    bool repairs() const override { return true; }
    std::string passes() const override {
        return "motion between the good frames either side (two fields), interpolation, detection, selection";
    }
    std::unique_ptr<FrameStepKernel> makeKernel(GpuContext& gpu) const override;
    std::shared_ptr<const FrameStep> scaled(double) const override { return std::make_shared<FrameRepairStep>(s_); }
    const FrameRepairSettings& settings() const { return s_; }
    void checkFrames(const std::vector<int64_t>& frames) const override {
        std::vector<int64_t> missing;
        for (const FrameRange& r : s_.listed)
            for (int64_t f = r.first; f <= r.last && missing.size() < 8; ++f)
                if (!std::binary_search(frames.begin(), frames.end(), f)) missing.push_back(f);
        if (missing.empty()) return;
        std::string list;
        for (int64_t f : missing) list += (list.empty() ? "" : ", ") + std::to_string(f);
        throw Error("frame_repair: frames to rebuild that the source does not have: " + list +
                    (frames.empty() ? std::string() : " (it has " + std::to_string(frames.front()) + "-" + std::to_string(frames.back()) + ")"));
    }

private:
    FrameRepairSettings s_;
};

class FrameRepairKernel : public FrameStepKernel {
public:
    FrameRepairKernel(GpuContext& gpu, const FrameRepairStep& step)
        : gpu_(gpu), motion_(gpu),
          interpolate_(gpu, shaders::spirv("frame_interpolate"), storageLayout(6), sizeof(InterpolatePush), "frame_interpolate"),
          detect_(gpu, shaders::spirv("frame_repair_detect"), storageLayout(6), sizeof(DetectPush), "frame_repair_detect"),
          select_(gpu, shaders::spirv("frame_repair_select"), storageLayout(5), sizeof(SelectPush), "frame_repair_select") {
        update(step);
    }

    void update(const FrameStep& step) override { s_ = static_cast<const FrameRepairStep&>(step).settings(); }

    void prepare(uint32_t width, uint32_t height) override {
        if (width == width_ && height == height_) return;
        width_ = width, height_ = height;
        motion_.prepare(width, height, 2);
        const size_t pixels = size_t(width) * height;
        forward_ = GpuBuffer(gpu_, motion_.fieldBytes(), BufferUse::Device);
        backward_ = GpuBuffer(gpu_, motion_.fieldBytes(), BufferUse::Device);
        rebuilt_ = GpuBuffer(gpu_, pixels * 16, BufferUse::Device);
        disagreement_ = GpuBuffer(gpu_, pixels * 4, BufferUse::Device);
        matte_ = GpuBuffer(gpu_, pixels * 4, BufferUse::Device);
        spreadFactor_ = GpuBuffer(gpu_, 16, BufferUse::Device);
        decision_ = GpuBuffer(gpu_, 16, BufferUse::Device);
    }

    uint32_t dispatches() const override { return uint32_t(2 * motion_.levels() + 1 + 2 * motion_.levels() + 4 * motion_.levels() + 3); }

    void record(VkCommandBuffer cmd, const FrameStepIo& io) const override {
        const size_t centre = kReach;
        const int64_t n = io.frames.empty() ? 0 : io.frames[centre];
        const bool listed = !io.frames.empty() && s_.listedHas(n);
        // The nearest good frames before and after n within the shot (the ends mirror: a frame
        // after n that stands in for one before it is not before it).
        int before = -1, after = -1;
        for (int j = 1; j <= kReach && !io.frames.empty(); ++j) {
            const int64_t b = io.frames[centre - j], a = io.frames[centre + j];
            if (before < 0 && b < n && !s_.listedHas(b)) before = int(centre) - j;
            if (after < 0 && a > n && !s_.listedHas(a)) after = int(centre) + j;
        }
        // Detection needs good frames on both sides: with one (a shot's first or last frame) the
        // picture's own motion would look like damage.
        uint32_t mode = listed ? 1 : s_.detects() && before >= 0 && after >= 0 ? 2 : 0;
        if (before < 0 && after < 0) mode = 0;  // nothing to rebuild it from
        if (mode != 0) recordRebuild(cmd, io, before < 0 ? after : before, after < 0 ? before : after, n, listed);

        const uint32_t pixels = io.width * io.height;
        const LinearGroups g = linearGroups(gpu_, pixels, 256);
        const SelectPush sp{pixels, g.rowPitch, mode};
        const Binding sb[] = {storageBinding(io.inputs[centre]), storageBinding(rebuilt_.handle()), storageBinding(decision_.handle()),
                              storageBinding(io.output), storageBinding(matte_.handle())};
        select_.record(cmd, sb, &sp, g.x, g.y);
    }

    VkBuffer repairMatte(VkCommandBuffer, const FrameStepIo&) const override { return matte_.handle(); }

private:
    // Frame n rebuilt between inputs `a` and `b` (the same where only one side has a good frame),
    // and for an unlisted frame the decision whether to use it; a barrier after.
    void recordRebuild(VkCommandBuffer cmd, const FrameStepIo& io, int a, int b, int64_t n, bool listed) const {
        const size_t centre = kReach;
        motion_.recordPyramid(cmd, io.inputs[size_t(a)], 0);
        motion_.recordPyramid(cmd, io.inputs[size_t(b)], 1);
        computeBarrier(cmd);
        motion_.recordNormalise(cmd, 0, spreadFactor_.handle());  // motion on luma scaled by a's spread, as for dust
        motion_.recordField(cmd, 0, 1, forward_.handle());
        computeBarrier(cmd);
        motion_.recordField(cmd, 1, 0, backward_.handle());
        computeBarrier(cmd);
        const int64_t fa = io.frames[size_t(a)], fb = io.frames[size_t(b)];
        const float t = fa == fb ? 0.0f : float(double(n - fa) / double(fb - fa));
        const InterpolatePush ip{int32_t(io.width), int32_t(io.height), int32_t(motion_.blocksX()), int32_t(motion_.blocksY()), t};
        const Binding ib[] = {storageBinding(io.inputs[size_t(a)]), storageBinding(io.inputs[size_t(b)]), storageBinding(forward_.handle()),
                              storageBinding(backward_.handle()), storageBinding(rebuilt_.handle()), storageBinding(disagreement_.handle())};
        interpolate_.record(cmd, ib, &ip, (io.width + 15) / 16, (io.height + 15) / 16);
        computeBarrier(cmd);
        if (listed) return;
        const DetectPush dp{int32_t(io.width), int32_t(io.height), kDetectStep, 0, s_.blank, s_.frozen, s_.damaged};
        const Binding db[] = {storageBinding(io.inputs[centre]), storageBinding(io.inputs[centre - 1]), storageBinding(io.inputs[centre + 1]),
                              storageBinding(rebuilt_.handle()), storageBinding(disagreement_.handle()), storageBinding(decision_.handle())};
        detect_.record(cmd, db, &dp, 1, 1);
        computeBarrier(cmd);
    }

    GpuContext& gpu_;
    FrameRepairSettings s_;
    MotionEstimator motion_;
    ComputeKernel interpolate_, detect_, select_;
    uint32_t width_ = 0, height_ = 0;
    GpuBuffer forward_, backward_, rebuilt_, disagreement_, matte_, spreadFactor_, decision_;
};

std::unique_ptr<FrameStepKernel> FrameRepairStep::makeKernel(GpuContext& gpu) const {
    return std::make_unique<FrameRepairKernel>(gpu, *this);
}

FrameRepairSettings settingsOf(const NodeParams& p) {
    FrameRepairSettings s;
    s.listed = parseFrameList(p.text("frames"));
    s.blank = p.flag("detect_blank"), s.frozen = p.flag("detect_frozen"), s.damaged = p.flag("detect_damaged");
    // A run longer than the reach has a frame with no good frame near enough on one side.
    std::vector<int64_t> frames;
    for (const FrameRange& r : s.listed) {
        if (int64_t(r.last) - r.first > 10000) throw Error("frames " + std::to_string(r.first) + "-" + std::to_string(r.last) + ": too many to rebuild");
        for (int64_t f = r.first; f <= r.last; ++f) frames.push_back(f);
    }
    std::sort(frames.begin(), frames.end());
    frames.erase(std::unique(frames.begin(), frames.end()), frames.end());
    for (size_t i = 0; i < frames.size();) {
        size_t j = i;
        while (j + 1 < frames.size() && frames[j + 1] == frames[j] + 1) ++j;
        if (j - i + 1 > size_t(kReach))
            throw Error("frames " + std::to_string(frames[i]) + "-" + std::to_string(frames[j]) + " are " + std::to_string(j - i + 1) +
                        " in a row; at most " + std::to_string(kReach) + " in a row can be rebuilt from the frames either side");
        i = j + 1;
    }
    return s;
}

}  // namespace

NodeType frameRepairNodeType() {
    NodeType t;
    t.name = "frame_repair";
    t.description = "lost frames rebuilt from their neighbours along the motion: frames listed, and frames found blank, "
                    "frozen or damaged";
    t.kind = NodeKind::Temporal;
    t.params = {
        {"frames", ParamType::Frames, 0, 0, {}, "text", {}, "frames to rebuild, as \"1012, 1040-1042\" (up to 3 in a row)"},
        {"detect_blank", ParamType::Flag, 0, 1, {1}, "checkbox", {}, "rebuild frames with no picture (black, white, flat)"},
        {"detect_frozen", ParamType::Flag, 0, 1, {1}, "checkbox", {}, "rebuild a frame that repeats the one before while the picture moves"},
        {"detect_damaged", ParamType::Flag, 0, 1, {1}, "checkbox", {},
         "rebuild a frame far from what its neighbours say it should be (a flash, a torn frame)"},
    };
    t.makeStep = [](const NodeParams& p, const NodeContext&) -> std::shared_ptr<const PointStep> {
        return std::make_shared<FrameRepairStep>(settingsOf(p));
    };
    return t;
}

}  // namespace tinct
