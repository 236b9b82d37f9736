#pragma once
// A step that needs whole frames in memory: it looks at neighbouring pixels (spatial: blur, a
// matte's grow) or at neighbouring frames (temporal: a median over time). It ends a fused run of
// point steps and records its own dispatches over its inputs. Planning (StagePlan), frame programs
// and the Evaluator know such steps only through this interface, so a new spatial or temporal node
// is new files under engine/nodes or engine/restore and nothing else.
#include <vulkan/vulkan.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "engine/kernel/FrameKind.h"
#include "engine/kernel/PointStep.h"

namespace tinct {

class GpuContext;

// How far a step reaches.
struct Footprint {
    uint32_t spatialRadius = 0;   // pixels around each output pixel
    uint32_t temporalRadius = 0;  // frames n-k .. n+k of its input for frame n; 0: the current frame only
};

// What one recording of the step works on, all width x height.
struct FrameStepIo {
    std::vector<VkBuffer> inputs;  // its input at frames n-k .. n+k (one, frame n, for a spatial step)
    // Per input, what it holds: equal stamps, equal contents, so a step may keep what it worked out
    // from an input under its stamp. Empty, or 0 for an input, where that is not known.
    std::vector<uint64_t> stamps;
    // Per input, its frame number (the source's: a sequence's on disk, a movie's index); empty where
    // not known. A shot's ends mirror, so a number may come twice.
    std::vector<int64_t> frames;
    VkBuffer output = VK_NULL_HANDLE;
    uint32_t width = 0, height = 0;
};

class FrameStep;

// The GPU side of a frame step: its pipelines and scratch frames, made once per program.
class FrameStepKernel {
public:
    virtual ~FrameStepKernel() = default;
    // Sizes scratch frames. Outside command recording.
    virtual void prepare(uint32_t width, uint32_t height) {}
    // Records its dispatches, and the barriers between them; the caller puts one after.
    virtual void record(VkCommandBuffer cmd, const FrameStepIo& io) const = 0;
    virtual uint32_t dispatches() const = 0;
    // A repairing step's repair matte at the frame `io` just recorded (one float per pixel, above 0
    // where the frame was repaired), for counting repairs; any work that makes it is recorded here,
    // a barrier after. Valid until the next recording. VK_NULL_HANDLE for steps that repair nothing.
    virtual VkBuffer repairMatte(VkCommandBuffer cmd, const FrameStepIo& io) const { return VK_NULL_HANDLE; }
    // Takes the parameters of `step`, which has this kernel's structure(): nothing is compiled.
    virtual void update(const FrameStep& step) = 0;
};

class FrameStep : public PointStep {
public:
    const FrameStep* frameStep() const final { return this; }
    std::string glsl(const StepSlot&) const final;  // never asked: frame steps record their own kernels

    virtual Footprint footprint() const = 0;
    bool temporal() const { return footprint().temporalRadius > 0; }
    virtual FrameKind inputKind() const { return FrameKind::Rgba; }
    virtual FrameKind outputKind() const { return FrameKind::Rgba; }
    // What decides the kernels (never the parameter values): a step whose structure equals a kernel's
    // runs on it after update().
    virtual std::string structure() const = 0;
    virtual std::unique_ptr<FrameStepKernel> makeKernel(GpuContext& gpu) const = 0;
    // How the step runs, for plans: "two separable passes", "median of 3 frames".
    virtual std::string passes() const = 0;
    // Throws tinct::Error when the step names frames (by number) that `frames`, a source's, lacks: a
    // typo in a list of frames is said before any frame is made.
    virtual void checkFrames(const std::vector<int64_t>& frames) const {}
    // Whether its kernel gives a repair matte (FrameStepKernel::repairMatte): what `--stats` and
    // `restore report` count. A step that changes every pixel (a denoise, a deflicker) repairs none.
    virtual bool repairs() const { return false; }
    // The step for a picture `factor` times smaller each way (a thumbnail): radii in pixels scaled.
    // Temporal reach is unchanged.
    virtual std::shared_ptr<const FrameStep> scaled(double factor) const = 0;
};

}  // namespace tinct
