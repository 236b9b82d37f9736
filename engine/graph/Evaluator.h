#pragma once
// Frames in time: output frame n of a grade (colour management included), made on the GPU from a
// source's frames. Without temporal steps that is one FrameProgram on source frame n. With them the
// program is cut at each (TemporalPlan): the work upstream of a temporal step runs once per frame and
// its result is kept in a GPU ring keyed by (value, frame) within a memory budget, so a step reading
// frames n-k .. n+k of its input finds all but n+k there already when frames come in order, and
// stepping back and forth recomputes nothing the ring still holds. Which frames are neighbours the
// source says (clip ends mirror; frames across a cut or a gap are not neighbours).
//
// A frame is made in three calls: beginFrame(n) says which source frames to upload, recordSource()
// takes each one in (in command buffers of its own, or before recordFrame in the same one), and
// recordFrame(n) records the frame. Every recording starts with a barrier on all the work before it,
// so frames in flight in other command buffers never race for the ring or the scratch frames.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "engine/graph/FrameRing.h"
#include "engine/graph/TemporalPlan.h"
#include "engine/io/Frame.h"
#include "engine/kernel/FrameProgram.h"

namespace tinct {

class FrameSource;
class GpuContext;
struct PlaneLayout;
class RepairTally;
class YuvToRgb;

// A source frame uploaded by the caller: its buffer and how its pixels lie.
struct SourceFrame {
    VkBuffer buffer = VK_NULL_HANDLE;
    PixelStorage storage = PixelStorage::Float;
    const PlaneLayout* planes = nullptr;  // Planes storage
};

struct EvaluatorOptions {
    // Bytes the ring may hold; 0: TINCT_GPU_MEMORY_MB, or half the device's memory.
    uint64_t memoryBudget = 0;
    // Frames beyond the footprint the ring keeps (the station keeps more, to step back and forth).
    uint32_t keepFrames = 2;
    static uint64_t budgetFromEnvironment(const GpuContext& gpu);
};

class Evaluator {
public:
    // `clip`: which frames are neighbours; it must outlive the evaluator. Throws tinct::Error for
    // steps that cannot be made.
    Evaluator(GpuContext& gpu, const PointSteps& steps, const FrameSource& clip, EvaluatorOptions options = {});
    ~Evaluator();

    bool temporal() const { return plan_.temporal(); }
    const TemporalPlan& plan() const { return plan_; }
    // Frames n-reach .. n+reach of the source make output frame n.
    uint32_t reach() const { return plan_.values.front().reach; }

    // Compiles what `formats` need (the source's and the output's) and sizes the frames for width x
    // height; a new size empties the ring. Outside command recording. Throws tinct::Error when the
    // ring cannot hold the frames one output frame needs within the budget, saying how much it needs.
    void prepare(uint32_t width, uint32_t height, FrameFormats formats);

    // Starts output frame n: the source frames to upload and take in with recordSource(), ascending.
    // Without temporal steps always {n}, which recordFrame() reads directly.
    std::vector<int64_t> beginFrame(int64_t n);
    // Takes source frame `frame` in, as beginFrame asked. Temporal programs only.
    void recordSource(VkCommandBuffer cmd, int64_t frame, const SourceFrame& source);
    // Records output frame n into `destination` (as prepare's formats say). `current` is source frame
    // n's upload for a program without temporal steps, and ignored otherwise. With `tally`, the repairs
    // of the steps it counts, at each frame this recording runs them at, are packed into it.
    void recordFrame(VkCommandBuffer cmd, int64_t n, const SourceFrame* current, VkBuffer destination,
                     RepairTally* tally = nullptr);

    // Takes new steps of the same structure (a parameter edit): nothing is compiled, and the ring
    // forgets what the edit changed. False when the structure differs: build a new Evaluator.
    bool update(const PointSteps& steps);

    // Dispatches one output frame records when frames come in order (each temporal step's upstream
    // once), a source's conversion from planes included.
    uint32_t dispatchesPerFrame(bool planes) const;
    std::string describe() const;  // the stages of each part, the temporal steps' reach, the ring
    uint64_t ringBytes() const { return ring_.bytes(); }
    uint64_t ringCapacity() const { return ring_.capacity(); }
    uint64_t budget() const { return budget_; }
    // Parts run since the evaluator was made: what the ring saves (tests).
    uint64_t partsRun() const { return partsRun_; }

private:
    struct Part {
        std::unique_ptr<FrameProgram> program;
    };
    struct Temporal {
        std::unique_ptr<FrameStepKernel> kernel;
        GpuBuffer output;  // its result at the frame being made
    };
    // What taking in one source frame does: keep it, and compute the values that need only it.
    struct Intake {
        bool keep = false;
        std::vector<size_t> values;
    };

    void plan(size_t value, int64_t frame, std::vector<std::pair<size_t, int64_t>>& planned);
    void planPart(size_t part, int64_t frame, std::vector<std::pair<size_t, int64_t>>& planned);
    void ensure(VkCommandBuffer cmd, size_t value, int64_t frame);
    void runPart(VkCommandBuffer cmd, size_t part, int64_t frame, VkBuffer source, bool sourceHalf, VkBuffer destination);
    uint64_t frameBytes(size_t value) const;
    bool passesOnTemporal(size_t part, FrameFormats formats) const;
    FrameFormats partFormats(size_t part, bool sourceHalf) const;

    GpuContext& gpu_;
    const FrameSource& clip_;
    EvaluatorOptions options_;
    TemporalPlan plan_;
    std::vector<Part> parts_;
    std::vector<Temporal> temporals_;
    std::unique_ptr<FusedKernel> keepSource_;  // the source as it is (sanitised), into the ring
    std::unique_ptr<YuvToRgb> toRgb_;
    GpuBuffer converted_;  // a source's planes as RGBA, for parts that read it where it is not kept
    FrameRing ring_;
    std::map<int64_t, Intake> intake_;  // for the frame begun
    uint32_t width_ = 0, height_ = 0;
    FrameFormats formats_;
    uint64_t budget_ = 0;
    uint64_t partsRun_ = 0;
    RepairTally* tally_ = nullptr;  // recordFrame's, while it records
};

}  // namespace tinct
