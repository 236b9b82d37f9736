#pragma once
// The GPU side of a render: source frames go up as the Evaluator asks for them, one per frame slot,
// and graded frames come back, the host filling and emptying one slot while the GPU runs another.
// A temporal grade's first frame needs several source frames before it: each goes up in a slot of
// its own, whose work stays on the GPU (in the evaluator's ring).
#include <functional>
#include <memory>
#include <set>
#include <vector>

#include "engine/gpu/FrameSlots.h"
#include "engine/graph/Evaluator.h"
#include "engine/io/Frame.h"

namespace tinct {

class RepairTally;
class RgbToYuv;

struct SubmitTimes {
    double uploadMs = 0, gpuMs = 0, downloadMs = 0;  // totals
};

class FrameSubmitter {
public:
    // `obtain(f)`: source frame f, handed to `recycle` once uploaded. `spare()`: a frame whose memory
    // a graded frame may take. `done(index, frame)`: a graded frame came back; false stops the render.
    using Obtain = std::function<Frame(int64_t)>;
    using Spare = std::function<Frame()>;
    using Recycle = std::function<void(Frame)>;
    using Done = std::function<bool(size_t, Frame)>;

    FrameSubmitter(GpuContext& gpu, Evaluator& evaluator, Spare spare, Recycle recycle, Done done);
    ~FrameSubmitter();

    // From now on each output frame counts the repairs of `steps` as it is made, and hands them to
    // `repaired` when it comes back, before `done`.
    using Repaired = std::function<void(const RepairTally&)>;
    void countRepairs(const std::set<const FrameStep*>& steps, Repaired repaired);

    // Submits output frame `n` of the plan's `index`, with `info` giving its size and attributes and
    // `encoderLayout` the planes an encoder takes (null: RGBA, half or float by `formats`). False
    // when a frame that came back was refused (the render stops).
    bool submit(size_t index, int64_t n, const Frame& info, FrameFormats formats,
                std::shared_ptr<const PlaneLayout> encoderLayout, const Obtain& obtain);
    // Waits for every frame in flight and hands the graded ones over, oldest first.
    bool finish();
    const SubmitTimes& times() const { return times_; }

private:
    struct InFlight {
        bool output = false;
        size_t index = 0;
        Frame info;  // the output's size and attributes
        bool half = false;
        std::shared_ptr<const PlaneLayout> layout;
    };
    // What the slot being submitted records.
    struct Work {
        int64_t intake = -1, output = -1;
        SourceFrame upload;
        std::shared_ptr<const PlaneLayout> layout;
        size_t slot = 0;
    };
    size_t freeSlot();            // the next slot, its previous frame collected; kSlots on refusal
    bool collect(size_t slot);
    // Puts `source` (or nothing) in `slot` and submits work_.
    void send(size_t slot, const Frame* source, size_t outputBytes);

    GpuContext& gpu_;
    Evaluator& evaluator_;
    Spare spare_;
    Recycle recycle_;
    Done done_;
    std::unique_ptr<RgbToYuv> toPlanes_;
    std::vector<GpuBuffer> rgbaOut_;  // per slot: the graded frame before the encoder's planes
    std::vector<std::unique_ptr<RepairTally>> tallies_;  // per slot, when repairs are counted
    Repaired repaired_;
    std::vector<InFlight> inFlight_;
    std::vector<size_t> order_;       // slots in flight, oldest first
    Work work_;
    size_t next_ = 0;
    SubmitTimes times_;
    std::unique_ptr<FrameSlots> slots_;  // last: its callback reads work_
};

}  // namespace tinct
