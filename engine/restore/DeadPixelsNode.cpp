// dead_pixels: fixed-position defects (dead, stuck or hot pixels of a scanner's or camera's sensor,
// dust on the sensor): pixels that stand out from the ring of pixels around them the same way in
// most frames of the window, while the picture moves under them (shaders/dead_pixels_vote.comp,
// dead_pixels_matte.comp), or marked in a defect-map image, repaired from their spatial neighbours
// (dead_pixels_fill.comp). Outside the repair matte the frame is untouched, bit for bit.
#include <algorithm>
#include <cmath>

#include "engine/Error.h"
#include "engine/gpu/ComputeKernel.h"
#include "engine/gpu/EmbeddedShaders.h"
#include "engine/gpu/GpuBuffer.h"
#include "engine/kernel/FrameStep.h"
#include "engine/kernel/NodeFiles.h"
#include "engine/media/FrameSource.h"
#include "engine/media/PlanesToRgba.h"
#include "engine/restore/RepairChoices.h"
#include "engine/restore/RestorationNodes.h"
#include "engine/restore/StorageBindings.h"

namespace tinct {

namespace {

constexpr int kMaxRadius = 12;  // frames either side; the vote packs counts of up to 31 frames
constexpr int kMinFrames = 3;   // fewer distinct frames in the shot: a defect cannot be told from the picture

struct DeadPixelsSettings {
    int radius = 6;
    float consistency = 0.8f;
    float threshold = 0.055f;
    uint32_t polarity = 0;
    int maxSize = 3, grow = 0;
    uint32_t view = 0;
    // The defect map as read (any image Tinct reads, the frames' size; non-zero RGB marks a defect)
    // and its path, or none.
    std::shared_ptr<const Frame> map;
    std::string mapPath;
};

struct VotePush {
    int32_t width, height, radius;
    float threshold;
    uint32_t mode;  // replace, add, take back
};
enum VoteMode : uint32_t { kReplace = 0, kAdd = 1, kTakeBack = 2 };
struct MattePush {
    uint32_t pixelCount, rowPitch, needed, polarity, useMap;
};
struct FillPush {
    int32_t width, height, reach;
    uint32_t view;
};

// How far the fill reaches for pixels outside the matte: past the widest defect and its growth.
int fillReach(const DeadPixelsSettings& s) { return s.maxSize + s.grow + 1; }

class DeadPixelsStep : public FrameStep {
public:
    DeadPixelsStep(DeadPixelsSettings s, FrameKind output) : s_(s), output_(output) {}
    std::string describe() const override {
        return output_ == FrameKind::Matte ? "dead pixel repair matte" : "dead pixel repair";
    }
    // In time: the window and a frame beyond it each way, the frame a window moved on by one left
    // (its vote is taken back instead of every frame voting again).
    Footprint footprint() const override { return {uint32_t(s_.maxSize + s_.grow + fillReach(s_)), uint32_t(s_.radius + 1)}; }
    FrameKind outputKind() const override { return output_; }
    std::string structure() const override {
        return std::string(output_ == FrameKind::Matte ? "dead_pixels matte " : "dead_pixels ") + std::to_string(s_.radius) +
               (s_.map ? " map " + s_.mapPath : "");
    }
    bool repairs() const override { return true; }
    std::string passes() const override {
        return "a vote from each of the " + std::to_string(2 * s_.radius + 1) + " frames, matte, grow, fill";
    }
    std::unique_ptr<FrameStepKernel> makeKernel(GpuContext& gpu) const override;
    std::shared_ptr<const FrameStep> scaled(double factor) const override {
        DeadPixelsSettings s = s_;
        s.maxSize = std::max(1, int(std::lround(s.maxSize * factor))), s.grow = int(std::lround(s.grow * factor));
        return std::make_shared<DeadPixelsStep>(s, output_);
    }
    const DeadPixelsSettings& settings() const { return s_; }

private:
    DeadPixelsSettings s_;
    FrameKind output_;
};

class DeadPixelsKernel : public FrameStepKernel {
public:
    DeadPixelsKernel(GpuContext& gpu, const DeadPixelsStep& step)
        : gpu_(gpu),
          vote_(gpu, shaders::spirv("dead_pixels_vote"), storageLayout(2), sizeof(VotePush), "dead_pixels_vote"),
          matte_(gpu, shaders::spirv("dead_pixels_matte"), storageLayout(3), sizeof(MattePush), "dead_pixels_matte"),
          morph_(gpu, shaders::spirv("spatial_morph_matte"), storageLayout(2), sizeof(MorphPush), "spatial_morph_matte"),
          fill_(gpu, shaders::spirv(step.outputKind() == FrameKind::Matte ? "dead_pixels_fill_matte" : "dead_pixels_fill_rgba"),
                storageLayout(3), sizeof(FillPush), "dead_pixels_fill") {
        update(step);
    }

    void update(const FrameStep& step) override {
        s_ = static_cast<const DeadPixelsStep&>(step).settings();
        tallied_.clear();
        if (width_ > 0) uploadMap();
    }

    void prepare(uint32_t width, uint32_t height) override {
        if (width == width_ && height == height_) return;
        width_ = width, height_ = height;
        const size_t pixels = size_t(width) * height;
        votes_ = GpuBuffer(gpu_, pixels * 4, BufferUse::Device);
        tallied_.clear();
        for (auto& m : mattes_) m = GpuBuffer(gpu_, pixels * 4, BufferUse::Device);
        uploadedMap_ = nullptr;
        uploadMap();
    }

    // The defect map as a matte of the frames' size, made when the size or the map changes, before
    // any frame is recorded (on the GPU's conversion for scans): a map of another size is refused.
    void uploadMap() {
        if (!s_.map || uploadedMap_ == s_.map) return;
        if (uint32_t(s_.map->width) != width_ || uint32_t(s_.map->height) != height_)
            throw Error("dead_pixels node: defect map " + s_.mapPath + " is " + std::to_string(s_.map->width) + "x" +
                        std::to_string(s_.map->height) + ", the frames are " + std::to_string(width_) + "x" + std::to_string(height_));
        PlanesToRgba convert(gpu_);
        const Frame rgba = s_.map->storage == PixelStorage::Float ? *s_.map : convert.convert(*s_.map);
        if (rgba.storage != PixelStorage::Float) throw Error("dead_pixels node: defect map " + s_.mapPath + ": not read as float");
        std::vector<float> marks(rgba.pixelCount());
        for (size_t p = 0; p < marks.size(); ++p) {
            const float* v = &rgba.rgba[4 * p];
            marks[p] = std::max({v[0], v[1], v[2]}) > 0.0f ? 1.0f : 0.0f;
        }
        mapBuffer_ = GpuBuffer::withData(gpu_, marks.data(), marks.size() * sizeof(float));
        uploadedMap_ = s_.map;
    }

    // At most: a window that moved on by a frame takes two votes.
    uint32_t dispatches() const override { return uint32_t(2 * s_.radius + 1) + 1 + (s_.grow > 0 ? 2 : 0) + 1; }

    void record(VkCommandBuffer cmd, const FrameStepIo& io) const override {
        // The window: frames n-radius .. n+radius (the inputs but the outermost two). Near a shot's
        // ends it mirrors: a frame met again has voted already.
        std::vector<size_t> window;
        for (size_t j = 1; j + 1 < io.inputs.size(); ++j)
            if (std::none_of(window.begin(), window.end(), [&](size_t w) { return io.inputs[w] == io.inputs[j]; }))
                window.push_back(j);
        const uint32_t gx = (io.width + 15) / 16, gy = (io.height + 15) / 16;
        auto vote = [&](size_t input, uint32_t mode) {
            const VotePush vp{int32_t(io.width), int32_t(io.height), s_.maxSize, s_.threshold, mode};
            const Binding vb[] = {storageBinding(io.inputs[input]), storageBinding(votes_.handle())};
            vote_.record(cmd, vb, &vp, gx, gy);
            computeBarrier(cmd);
        };
        // The counts are whole numbers, the same whichever way they are reached: when the window
        // moved on from the one counted (told by the ring's stamps), the frames it left take their
        // votes back and the frames it met vote.
        auto stampOf = [&](size_t j) { return j < io.stamps.size() ? io.stamps[j] : uint64_t(0); };
        std::vector<uint64_t> wanted;
        for (size_t j : window) wanted.push_back(stampOf(j));
        std::vector<size_t> leaving, arriving;
        bool moved = !tallied_.empty();
        for (uint64_t t : tallied_)
            if (std::find(wanted.begin(), wanted.end(), t) == wanted.end()) {
                size_t j = 0;
                while (j < io.inputs.size() && stampOf(j) != t) ++j;
                if (j == io.inputs.size()) moved = false;
                leaving.push_back(j);
            }
        for (size_t w = 0; w < window.size(); ++w) {
            if (wanted[w] == 0) moved = false;
            if (std::find(tallied_.begin(), tallied_.end(), wanted[w]) == tallied_.end()) arriving.push_back(window[w]);
        }
        if (moved && leaving.size() + arriving.size() < window.size()) {
            for (size_t j : leaving) vote(j, kTakeBack);
            for (size_t j : arriving) vote(j, kAdd);
        } else {
            for (size_t w = 0; w < window.size(); ++w) vote(window[w], w == 0 ? kReplace : kAdd);
        }
        tallied_ = std::find(wanted.begin(), wanted.end(), uint64_t(0)) == wanted.end() ? wanted : std::vector<uint64_t>{};
        const uint32_t distinct = uint32_t(window.size());
        const uint32_t needed = distinct < uint32_t(kMinFrames)
                                    ? distinct + 1
                                    : std::max(2u, uint32_t(std::ceil(s_.consistency * float(distinct) - 1e-4f)));
        const uint32_t pixels = io.width * io.height;
        const LinearGroups g = linearGroups(gpu_, pixels, 256);
        const MattePush mp{pixels, g.rowPitch, needed, s_.polarity, s_.map ? 1u : 0u};
        // Without a map, the votes stand in for it in the binding (the shader reads it only with one).
        const VkBuffer map = s_.map ? mapBuffer_.handle() : votes_.handle();
        const Binding mb[] = {storageBinding(votes_.handle()), storageBinding(mattes_[0].handle()), storageBinding(map)};
        matte_.record(cmd, mb, &mp, g.x, g.y);
        computeBarrier(cmd);
        VkBuffer matte = mattes_[0].handle();
        if (s_.grow > 0) {
            for (uint32_t vertical = 0; vertical < 2; ++vertical) {
                const MorphPush p{io.width, io.height, s_.grow, vertical, 1u};
                const Binding b[] = {storageBinding(mattes_[vertical].handle()), storageBinding(mattes_[1 - vertical].handle())};
                morph_.record(cmd, b, &p, gx, gy);
                computeBarrier(cmd);
            }
        }
        const FillPush fp{int32_t(io.width), int32_t(io.height), fillReach(s_), s_.view};
        const Binding fb[] = {storageBinding(io.inputs[io.inputs.size() / 2]), storageBinding(matte), storageBinding(io.output)};
        fill_.record(cmd, fb, &fp, gx, gy);
    }

    // The grow passes go there and back: the matte ends where it started.
    VkBuffer repairMatte(VkCommandBuffer, const FrameStepIo&) const override { return mattes_[0].handle(); }

private:
    GpuContext& gpu_;
    DeadPixelsSettings s_;
    ComputeKernel vote_, matte_, morph_, fill_;
    uint32_t width_ = 0, height_ = 0;
    GpuBuffer votes_;
    GpuBuffer mattes_[2];
    mutable std::vector<uint64_t> tallied_;  // the ring stamps of the frames votes_ counts
    GpuBuffer mapBuffer_;  // the defect map, 1 on a defect
    std::shared_ptr<const Frame> uploadedMap_;
};

std::unique_ptr<FrameStepKernel> DeadPixelsStep::makeKernel(GpuContext& gpu) const {
    return std::make_unique<DeadPixelsKernel>(gpu, *this);
}

// The defect map named by the node, read now so a grade naming a file that is not there, or not an
// image, is refused before anything is made.
void readDefectMap(const NodeParams& p, const NodeContext& context, DeadPixelsSettings& s) {
    const std::string& file = p.text("defect_map");
    if (file.empty()) return;
    s.mapPath = nodeFilePath(context, file);
    try {
        FrameSourceOptions options;
        options.keepHalf = false;
        auto source = openFrameSource(s.mapPath, options);
        if (source->isSequence()) throw Error(s.mapPath + ": a defect map is one image, not a sequence or a movie");
        auto map = std::make_shared<Frame>();
        source->read(source->frames().front(), *map);
        s.map = std::move(map);
    } catch (const Error& e) {
        throw Error(std::string("dead_pixels node: defect map: ") + e.what());
    }
}

DeadPixelsSettings settingsOf(const NodeParams& p, const NodeContext& context) {
    DeadPixelsSettings s;
    readDefectMap(p, context, s);
    s.radius = p.wholeNumber("window", "frames");
    s.consistency = float(p.number("consistency"));
    s.threshold = float(0.01 + 0.09 * (1.0 - p.number("sensitivity")));
    s.polarity = choiceIndex(repairPolarities(), p.text("polarity"));
    s.maxSize = p.wholeNumber("max_size", "pixels");
    s.grow = p.wholeNumber("grow", "pixels");
    s.view = choiceIndex(repairViews(), p.text("view"));
    return s;
}

}  // namespace

NodeType deadPixelsNodeType() {
    NodeType t;
    t.name = "dead_pixels";
    t.description = "fixed-position defects (dead, stuck or hot pixels, dust on a sensor): pixels that stand out "
                    "from their surroundings the same way in most frames while the picture moves; repaired "
                    "from their neighbours";
    t.kind = NodeKind::Temporal;
    t.params = {
        {"window", ParamType::Number, 1, kMaxRadius, {6}, "slider", {}, "frames either side that vote on each pixel"},
        {"consistency", ParamType::Number, 0.5, 1, {0.8}, "slider", {},
         "the share of the window's frames in which a pixel must stand out the same way"},
        {"sensitivity", ParamType::Number, 0, 1, {0.5}, "slider", {}, "how small a departure from the pixels around counts"},
        {"polarity", ParamType::Choice, 0, 0, {}, "menu", repairPolarities(), "dark defects (dead pixels, sensor dust), bright (hot or stuck), or both"},
        {"max_size", ParamType::Number, 1, 8, {3}, "slider", {}, "pixels: wider spots are taken for picture"},
        {"grow", ParamType::Number, 0, 3, {0}, "slider", {}, "pixels the repair reaches beyond what was found (soft sensor dust)"},
        {"view", ParamType::Choice, 0, 0, {}, "menu", repairViews(), "the repaired frame, the repair matte, or the repair shown in red"},
        {"defect_map", ParamType::File, 0, 0, {}, "file", {},
         "an image the frames' size, relative to the grade file, non-zero where there are known defects: repaired "
         "as well as those found"},
    };
    t.makeStep = [](const NodeParams& p, const NodeContext& context) -> std::shared_ptr<const PointStep> {
        return std::make_shared<DeadPixelsStep>(settingsOf(p, context), FrameKind::Rgba);
    };
    t.makeMatteStep = [](const NodeParams& p, const NodeContext& context) -> std::shared_ptr<const PointStep> {
        return std::make_shared<DeadPixelsStep>(settingsOf(p, context), FrameKind::Matte);
    };
    return t;
}

}  // namespace tinct
