// dust: blotches of dust and dirt, dark or bright, found against the motion-compensated neighbours
// n-2 .. n+2 and filled from them (shaders/dust_detect.comp, dust_matte.comp, dust_fill.comp). What
// moves in a way the motion does not follow is protected, not repaired; outside the repair matte
// the frame is untouched, bit for bit.
#include <algorithm>
#include <cmath>

#include "engine/Error.h"
#include "engine/gpu/ComputeKernel.h"
#include "engine/gpu/EmbeddedShaders.h"
#include "engine/gpu/GpuBuffer.h"
#include "engine/gpu/GpuContext.h"
#include "engine/kernel/FrameStep.h"
#include "engine/restore/MotionEstimator.h"
#include "engine/restore/StorageBindings.h"
#include "engine/restore/RepairChoices.h"
#include "engine/restore/RestorationNodes.h"

namespace tinct {

namespace {

constexpr int kProtectGrow = 3;  // the detector's 5 x 5 patch, and a pixel beyond: an object's edge is the object's

// What the parameters come to in the shaders' terms.
struct DustSettings {
    float threshold = 0.07f, noiseFactor = 4.0f;
    int polarity = 0;
    float maxMiss = 1.75f;
    int searchRadius = 16;
    int minSize = 1, maxSize = 40, grow = 1;
    uint32_t view = 0;
};

struct DetectPush {
    int32_t width, height, blocksX, blocksY;
    float threshold, noiseFactor;
    int32_t polarity;
    float maxMiss;
    int32_t searchRadius;
    uint32_t distinct;
};
struct LinearPush {
    uint32_t pixelCount, rowPitch;
};
struct FillPush {
    uint32_t pixelCount, rowPitch;
    float maxMiss;
    uint32_t view, distinct;
};

class DustStep : public FrameStep {
public:
    DustStep(DustSettings s, FrameKind output) : s_(s), output_(output) {}
    std::string describe() const override {
        return output_ == FrameKind::Matte ? "dust repair matte" : "dust and dirt repair";
    }
    Footprint footprint() const override { return {uint32_t(std::max(s_.searchRadius, s_.maxSize)), 2}; }
    FrameKind outputKind() const override { return output_; }
    std::string structure() const override { return output_ == FrameKind::Matte ? "dust matte" : "dust"; }
    bool repairs() const override { return true; }
    std::string passes() const override {
        return "motion to n-2 .. n+2 (six fields), four compensations, detection, matte clean-up, fill";
    }
    std::unique_ptr<FrameStepKernel> makeKernel(GpuContext& gpu) const override;
    std::shared_ptr<const FrameStep> scaled(double factor) const override {
        DustSettings s = s_;
        auto scale = [&](int v, int least) { return std::max(least, int(std::lround(v * factor))); };
        s.searchRadius = scale(s.searchRadius, 2), s.minSize = scale(s.minSize, 1), s.maxSize = scale(s.maxSize, 2);
        s.grow = scale(s.grow, 0);
        return std::make_shared<DustStep>(s, output_);
    }
    const DustSettings& settings() const { return s_; }

private:
    DustSettings s_;
    FrameKind output_;
};

class DustKernel : public FrameStepKernel {
public:
    DustKernel(GpuContext& gpu, const DustStep& step)
        : gpu_(gpu), motion_(gpu),
          detect_(gpu, shaders::spirv("dust_detect"), storageLayout(15),
                  sizeof(DetectPush), "dust_detect"),
          combine_(gpu, shaders::spirv("dust_matte"), storageLayout(4),
                   sizeof(LinearPush), "dust_matte"),
          morph_(gpu, shaders::spirv("spatial_morph_matte"), storageLayout(2),
                 sizeof(MorphPush), "spatial_morph_matte"),
          fill_(gpu, shaders::spirv(step.outputKind() == FrameKind::Matte ? "dust_fill_matte" : "dust_fill_rgba"),
                storageLayout(12), sizeof(FillPush), "dust_fill") {
        update(step);
    }

    void update(const FrameStep& step) override { s_ = static_cast<const DustStep&>(step).settings(); }

    void prepare(uint32_t width, uint32_t height) override {
        if (width == width_ && height == height_) return;
        width_ = width, height_ = height;
        motion_.prepare(width, height, 5);
        const size_t pixels = size_t(width) * height;
        auto make = [&](std::vector<GpuBuffer>& v, size_t n, size_t bytes) {
            v.clear();
            for (size_t i = 0; i < n; ++i) v.emplace_back(gpu_, bytes, BufferUse::Device);
        };
        make(fields_, 6, motion_.fieldBytes());
        make(checked_, 4, motion_.fieldBytes());
        make(warped_, 4, pixels * 16);
        make(aux_, 4, pixels * 8);
        make(mattes_, kMattes, pixels * 4);
        spreadFactor_ = GpuBuffer(gpu_, 16, BufferUse::Device);
    }

    uint32_t dispatches() const override {
        const uint32_t perField = uint32_t(2 * motion_.levels());
        const uint32_t pyramids = uint32_t(5 * motion_.levels());
        const uint32_t morphs = 2 * ((s_.minSize > 2 ? 2 : 0) + 2 + 1 + (s_.grow > 0 ? 1 : 0) + 1);
        return pyramids + 1 + 5 * uint32_t(motion_.levels()) + 6 * perField + 4 + 4 + 1 + morphs + 1 + 1;
    }

    void record(VkCommandBuffer cmd, const FrameStepIo& io) const override {
        // Slots 0 .. 4: frames n-2 .. n+2.
        for (size_t f = 0; f < 5; ++f) motion_.recordPyramid(cmd, io.inputs[f], f);
        computeBarrier(cmd);
        // Motion and detection see luma scaled by frame n's spread: a flat encoding (the station's
        // ACEScct) as its picture (MotionEstimator::recordNormalise).
        motion_.recordNormalise(cmd, 2, spreadFactor_.handle());
        // Fields from n (slot 2) to each neighbour, and back from n-1 and n+1 for their consistency.
        const std::pair<size_t, size_t> pairs[6] = {{2, 0}, {2, 1}, {2, 3}, {2, 4}, {1, 2}, {3, 2}};
        for (size_t k = 0; k < 6; ++k) {
            motion_.recordField(cmd, pairs[k].first, pairs[k].second, fields_[k].handle());
            computeBarrier(cmd);
        }
        motion_.recordCheck(cmd, fields_[0].handle(), VK_NULL_HANDLE, checked_[0].handle());
        motion_.recordCheck(cmd, fields_[1].handle(), fields_[4].handle(), checked_[1].handle());
        motion_.recordCheck(cmd, fields_[2].handle(), fields_[5].handle(), checked_[2].handle());
        motion_.recordCheck(cmd, fields_[3].handle(), VK_NULL_HANDLE, checked_[3].handle());
        computeBarrier(cmd);
        const size_t neighbour[4] = {0, 1, 3, 4};
        for (size_t k = 0; k < 4; ++k)
            motion_.recordWarp(cmd, io.inputs[neighbour[k]], checked_[k].handle(), warped_[k].handle(), aux_[k].handle());
        computeBarrier(cmd);

        // At a shot's ends the neighbours mirror, and n-2 or n+2 of the second or last frame but one is
        // frame n itself (the ring's same frame), which must not vote on whether n is dirty.
        uint32_t distinct = 0;
        for (size_t k = 0; k < 4; ++k)
            if (io.inputs[neighbour[k]] != io.inputs[2]) distinct |= 1u << k;
        const DetectPush d{int32_t(io.width), int32_t(io.height), int32_t(motion_.blocksX()), int32_t(motion_.blocksY()),
                           s_.threshold, s_.noiseFactor, s_.polarity, s_.maxMiss, s_.searchRadius, distinct};
        const Binding db[] = {storageBinding(io.inputs[2]), storageBinding(warped_[0].handle()), storageBinding(warped_[1].handle()),
                              storageBinding(warped_[2].handle()), storageBinding(warped_[3].handle()), storageBinding(aux_[1].handle()),
                              storageBinding(aux_[2].handle()), storageBinding(motion_.luma(2)), storageBinding(motion_.luma(1)), storageBinding(motion_.luma(3)),
                              storageBinding(checked_[1].handle()), storageBinding(checked_[2].handle()), storageBinding(matte(Candidate)),
                              storageBinding(matte(Protect)), storageBinding(spreadFactor_.handle())};
        detect_.record(cmd, db, &d, (io.width + 15) / 16, (io.height + 15) / 16);
        computeBarrier(cmd);

        // Too small: what an opening by the smallest size removes; too large: what survives one by the largest.
        const int minRadius = (s_.minSize - 1) / 2, maxRadius = s_.maxSize / 2;
        VkBuffer sized = matte(Candidate);
        if (minRadius > 0) {
            morph(cmd, io, matte(Candidate), matte(Scratch), minRadius, false);
            morph(cmd, io, matte(Scratch), matte(Sized), minRadius, true);
            sized = matte(Sized);
        }
        morph(cmd, io, matte(Candidate), matte(Scratch), maxRadius, false);
        morph(cmd, io, matte(Scratch), matte(Large), maxRadius, true);
        morph(cmd, io, matte(Protect), matte(ProtectGrown), kProtectGrow, true);
        const uint32_t pixels = io.width * io.height;
        const LinearGroups g = linearGroups(gpu_, pixels, 256);
        const LinearPush lp{pixels, g.rowPitch};
        const Binding cb[] = {storageBinding(sized), storageBinding(matte(Large)), storageBinding(matte(ProtectGrown)), storageBinding(matte(Repair))};
        combine_.record(cmd, cb, &lp, g.x, g.y);
        computeBarrier(cmd);
        VkBuffer grown = matte(Repair);
        if (s_.grow > 0) {
            morph(cmd, io, matte(Repair), matte(Grown), s_.grow, true);
            grown = matte(Grown);
        }
        morph(cmd, io, matte(Repair), matte(GrownMore), s_.grow + 1, true);

        const FillPush fp{pixels, g.rowPitch, s_.maxMiss, s_.view, distinct};
        const Binding fb[] = {storageBinding(io.inputs[2]), storageBinding(warped_[0].handle()), storageBinding(warped_[1].handle()),
                              storageBinding(warped_[2].handle()), storageBinding(warped_[3].handle()), storageBinding(aux_[0].handle()),
                              storageBinding(aux_[1].handle()), storageBinding(aux_[2].handle()), storageBinding(aux_[3].handle()), storageBinding(grown),
                              storageBinding(matte(GrownMore)), storageBinding(io.output)};
        fill_.record(cmd, fb, &fp, g.x, g.y);
    }

    // What the fill changes: the detection grown by grow + 1 (the soft edge included).
    VkBuffer repairMatte(VkCommandBuffer, const FrameStepIo&) const override { return matte(GrownMore); }

private:
    enum Matte { Candidate, Protect, Scratch, Sized, Large, ProtectGrown, Repair, Grown, GrownMore, Pass, kMattes };
    VkBuffer matte(Matte m) const { return mattes_[m].handle(); }

    // A square max (grow) or min filter of half-width `radius`: a row pass, then a column pass; a
    // barrier after each.
    void morph(VkCommandBuffer cmd, const FrameStepIo& io, VkBuffer in, VkBuffer out, int radius, bool grow) const {
        const uint32_t gx = (io.width + 15) / 16, gy = (io.height + 15) / 16;
        const MorphPush h{io.width, io.height, radius, 0, grow ? 1u : 0u};
        const Binding hb[] = {storageBinding(in), storageBinding(matte(Pass))};
        morph_.record(cmd, hb, &h, gx, gy);
        computeBarrier(cmd);
        const MorphPush v{io.width, io.height, radius, 1, grow ? 1u : 0u};
        const Binding vb[] = {storageBinding(matte(Pass)), storageBinding(out)};
        morph_.record(cmd, vb, &v, gx, gy);
        computeBarrier(cmd);
    }

    GpuContext& gpu_;
    DustSettings s_;
    MotionEstimator motion_;
    ComputeKernel detect_, combine_, morph_, fill_;
    uint32_t width_ = 0, height_ = 0;
    std::vector<GpuBuffer> fields_, checked_, warped_, aux_, mattes_;
    GpuBuffer spreadFactor_;  // frame n's signal spread against the reference (one float)
};

std::unique_ptr<FrameStepKernel> DustStep::makeKernel(GpuContext& gpu) const { return std::make_unique<DustKernel>(gpu, *this); }

DustSettings settingsOf(const NodeParams& p) {
    DustSettings s;
    const double sensitivity = p.number("sensitivity"), protection = p.number("motion_protection");
    s.threshold = float(0.02 + 0.10 * (1.0 - sensitivity));
    s.noiseFactor = float(2.0 + 4.0 * (1.0 - sensitivity));
    s.polarity = choiceIndex(repairPolarities(), p.text("polarity"));
    s.maxMiss = float(0.5 + 2.5 * (1.0 - protection));
    s.searchRadius = int(std::lround(4 + 24 * protection));
    s.minSize = p.wholeNumber("min_size", "pixels"), s.maxSize = p.wholeNumber("max_size", "pixels");
    s.grow = p.wholeNumber("grow", "pixels");
    if (s.minSize > s.maxSize)
        throw Error("min_size (" + std::to_string(s.minSize) + ") is larger than max_size (" + std::to_string(s.maxSize) + ")");
    s.view = uint32_t(choiceIndex(repairViews(), p.text("view")));
    return s;
}

}  // namespace

NodeType dustNodeType() {
    NodeType t;
    t.name = "dust";
    t.description = "dust and dirt: spots in one frame only, found against the motion-compensated frames around "
                    "and filled from them; moving objects are protected";
    t.kind = NodeKind::Temporal;
    t.params = {
        {"sensitivity", ParamType::Number, 0, 1, {0.5}, "slider", {}, "how small a departure from the frames around counts as dirt"},
        {"polarity", ParamType::Choice, 0, 0, {}, "menu", repairPolarities(), "dark spots (dirt on a print), bright (on a negative), or both"},
        {"min_size", ParamType::Number, 1, 20, {1}, "slider", {}, "pixels: narrower spots are left alone"},
        {"max_size", ParamType::Number, 2, 200, {40}, "slider", {}, "pixels: wider regions are taken for picture, not dirt"},
        {"grow", ParamType::Number, 0, 8, {1}, "slider", {}, "pixels the repair reaches beyond what was detected (soft edges of dirt)"},
        {"motion_protection", ParamType::Number, 0, 1, {0.5}, "slider", {},
         "how strictly regions of doubtful motion are left unrepaired"},
        {"view", ParamType::Choice, 0, 0, {}, "menu", repairViews(), "the repaired frame, the repair matte, or the repair shown in red"},
    };
    t.makeStep = [](const NodeParams& p, const NodeContext&) -> std::shared_ptr<const PointStep> {
        return std::make_shared<DustStep>(settingsOf(p), FrameKind::Rgba);
    };
    t.makeMatteStep = [](const NodeParams& p, const NodeContext&) -> std::shared_ptr<const PointStep> {
        return std::make_shared<DustStep>(settingsOf(p), FrameKind::Matte);
    };
    return t;
}

}  // namespace tinct
