#pragma once
// Point steps compiled into one compute kernel: one read and one write of the frame (plus a read of
// each earlier spatial result the steps take). The steps may form a graph (a PixelProgram: mixers,
// mattes) or a serial run. The kernel's text depends only on the steps' structure; their parameters
// live in a buffer, so `updateParameters` after an edit costs a memcpy, not a compile.
#include <map>
#include <tuple>
#include <memory>
#include <string>
#include <vector>

#include "engine/kernel/PixelProgram.h"
#include "engine/gpu/ComputeKernel.h"
#include "engine/gpu/GpuBuffer.h"

namespace tinct {

class GpuContext;

// How the frames the kernel reads and writes are held: RGBA32F, or RGBA16F (half); a kernel feeding a
// frame step that takes a matte or a motion field writes that kind.
struct FrameFormats {
    bool sourceHalf = false, destinationHalf = false;
    FrameKind destination = FrameKind::Rgba;
    bool operator<(const FrameFormats& o) const {
        return std::tie(sourceHalf, destinationHalf, destination) < std::tie(o.sourceHalf, o.destinationHalf, o.destination);
    }
};

class FusedKernel {
public:
    FusedKernel(GpuContext& gpu, const PointSteps& steps);
    // `program` has no spatial steps; its reads of frames 1.. are the extra frames record() binds.
    FusedKernel(GpuContext& gpu, PixelProgram program);

    // GLSL of the kernel for this program and formats (the build-time template filled in); public
    // for tests.
    static std::string generateSource(const PixelProgram& program, FrameFormats formats = {});

    // Compiles the kernel for `formats` if it has not been yet. Call before record(), outside
    // command recording.
    void prepare(FrameFormats formats);

    // Copies the steps' current parameters to the GPU. Call between frames, not while one runs.
    void updateParameters();

    // Whether `program` has the kernel's structure: the same generated text, parameter and LUT sizes.
    bool accepts(const PixelProgram& program) const;
    // Takes such a program in place of the kernel's own: its parameters and LUT data are copied to
    // the GPU, nothing is compiled. Between frames only.
    void adopt(const PixelProgram& program);

    // Records the dispatches reading `source` (and `frames`, one per extra frame the program reads,
    // of the kinds its reads say) and writing `destination`, width x height pixels each.
    void record(VkCommandBuffer cmd, VkBuffer source, VkBuffer destination, uint32_t width, uint32_t height,
                FrameFormats formats, const std::vector<VkBuffer>& frames = {}) const;
    // For pixels with no shape (LUT lattices, test colours): one row.
    void record(VkCommandBuffer cmd, VkBuffer source, VkBuffer destination, uint32_t pixelCount,
                FrameFormats formats) const {
        record(cmd, source, destination, pixelCount, 1, formats);
    }

    // Dispatches record() makes for a frame: 1 unless the frame exceeds one buffer binding.
    uint32_t dispatchesFor(uint32_t pixelCount) const;

    const PixelProgram& program() const { return program_; }

private:
    uint32_t chunkPixels(uint32_t pixelCount) const;

    GpuContext& gpu_;
    PixelProgram program_;
    PointSteps steps_;      // program_'s steps in instruction order
    std::string structure_; // program_'s generated text (float formats): what accepts() compares
    std::vector<FrameKind> extraFrames_;  // what frames 1 .. hold
    bool readsSource_ = true;
    std::map<FrameFormats, std::unique_ptr<ComputeKernel>> kernels_;
    std::vector<GpuBuffer> luts_;  // one per StepTexture, in binding order
    GpuBuffer parameters_;
};

}  // namespace tinct
