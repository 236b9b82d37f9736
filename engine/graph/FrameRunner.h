#pragma once
// Output frames one at a time, each waited for: the path for probes, stills, the scopes job and tests.
// Source frames are read from the FrameSource as the evaluator asks for them.
#include <memory>

#include "engine/graph/Evaluator.h"
#include "engine/io/Frame.h"

namespace tinct {

class FrameSlots;
class FrameSource;

class FrameRunner {
public:
    FrameRunner(GpuContext& gpu, Evaluator& evaluator, FrameSource& source);
    ~FrameRunner();
    // Output frame n as RGBA32F, with source frame n's size and attributes. Throws tinct::Error.
    Frame run(int64_t n);
    // Source frames read so far (what the evaluator's ring saves; tests).
    int64_t framesRead() const { return read_; }

private:
    Evaluator& evaluator_;
    FrameSource& source_;
    std::unique_ptr<FrameSlots> slots_;
    int64_t intake_ = -1, output_ = -1;
    SourceFrame upload_;
    int64_t read_ = 0;
};

}  // namespace tinct
