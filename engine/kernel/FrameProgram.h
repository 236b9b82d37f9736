#pragma once
// What a frame goes through on the GPU at one point in time: a pixel program (a serial run of steps,
// or a grade's graph with mixers and mattes) cut by StagePlan into fused kernels of point steps and
// the frame steps between them (blur, sharpen, a matte's shrink and grow). Without frame steps that
// is one kernel, one read and one write of the frame. Otherwise intermediate frames stay on the GPU,
// typed by what they hold: one for each frame step's result, one shared for their inputs. Temporal
// steps are not run here: the Evaluator gives their results to a program as frames of its own.
#include <memory>
#include <vector>

#include "engine/kernel/FrameStep.h"
#include "engine/kernel/FusedKernel.h"
#include "engine/kernel/StagePlan.h"

namespace tinct {

class GpuContext;

class FrameProgram {
public:
    FrameProgram(GpuContext& gpu, const PointSteps& steps);
    FrameProgram(GpuContext& gpu, const PixelProgram& program);
    ~FrameProgram();

    // Compiles what `formats` need and sizes the intermediate frames. Call before record(), outside
    // command recording. Throws tinct::Error when a frame is larger than the device lets a step bind.
    void prepare(FrameFormats formats, uint32_t width, uint32_t height);
    // `given`: the frames 1 .. the program reads besides its source (plan().givenFrames of them).
    // `frame`: the source's frame number, for steps whose result depends on it (grain); -1: unknown.
    void record(VkCommandBuffer cmd, VkBuffer source, VkBuffer destination, uint32_t width, uint32_t height,
                FrameFormats formats, const std::vector<VkBuffer>& given = {}, int64_t frame = -1) const;
    uint32_t dispatchesFor(uint32_t width, uint32_t height, FrameFormats formats) const;
    bool hasFrameSteps() const { return !plan_.frames.empty(); }

    // Takes new steps with the same structure as the program's (a parameter edit): their values are
    // copied to the GPU and nothing is compiled. Returns false, changing nothing, when the structure
    // differs (a node added, removed, rewired); build a new FrameProgram then. Between frames only.
    bool update(const PointSteps& steps);
    bool update(const PixelProgram& program);
    // Whether update(program) would succeed.
    bool accepts(const PixelProgram& program) const;
    const StagePlan& plan() const { return plan_; }

private:
    // What kernel `k` reads and writes: the source as given, and its destination, or its frame step's input.
    FrameFormats kernelFormats(const KernelStage& k, FrameFormats formats) const;

    GpuContext& gpu_;
    StagePlan plan_;
    std::vector<std::unique_ptr<FusedKernel>> kernels_;          // by plan_.kernels
    std::vector<std::unique_ptr<FrameStepKernel>> frameKernels_; // by plan_.frames
    GpuBuffer input_;                  // a frame step's input, written by the kernel before it
    std::vector<GpuBuffer> results_;   // by plan_.frames
};

}  // namespace tinct
