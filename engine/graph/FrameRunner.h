#pragma once
// Output frames one at a time, each waited for: the path for probes, stills, the scopes job and tests.
// Source frames are read from the FrameSource as the evaluator asks for them.
#include <functional>
#include <memory>

#include "engine/gpu/GpuBuffer.h"
#include "engine/graph/Evaluator.h"
#include "engine/io/Frame.h"

namespace tinct {

class FrameSlots;
class FrameSource;
class RepairTally;

class FrameRunner {
public:
    FrameRunner(GpuContext& gpu, Evaluator& evaluator, FrameSource& source);
    ~FrameRunner();
    // Output frame n as RGBA32F, with source frame n's size and attributes. With `tally`, the repairs
    // the frame's making ran are in it when this returns. Throws tinct::Error.
    Frame run(int64_t n, RepairTally* tally = nullptr);
    // Output frame n left on the GPU for `after`, recorded after it in the same command buffer (a
    // scope reading the graded frame); nothing comes back. Returns frame n's size and attributes.
    using AfterFrame = std::function<void(VkCommandBuffer cmd, VkBuffer graded, uint32_t width, uint32_t height)>;
    Frame runOnGpu(int64_t n, const AfterFrame& after, RepairTally* tally = nullptr);
    // Source frames read so far (what the evaluator's ring saves; tests).
    int64_t framesRead() const { return read_; }

private:
    // Records frame n; with `after`, into graded_ and then `after`, else into the slot's download.
    const void* record(int64_t n, const AfterFrame* after, Frame& info, RepairTally* tally);

    GpuContext& gpu_;
    Evaluator& evaluator_;
    FrameSource& source_;
    std::unique_ptr<FrameSlots> slots_;
    int64_t intake_ = -1, output_ = -1;
    SourceFrame upload_;
    const AfterFrame* after_ = nullptr;
    RepairTally* tally_ = nullptr;
    uint32_t width_ = 0, height_ = 0;
    GpuBuffer graded_;  // the output when it stays on the GPU
    int64_t read_ = 0;
};

}  // namespace tinct
