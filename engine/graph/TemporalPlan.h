#pragma once
// How a grade with temporal steps runs in time, planned without the GPU. The program is cut at each
// temporal step into parts: each part computes one value at one frame from the source at that frame
// and the temporal steps' results at that frame. The values a temporal step reads at frames n-k ..
// n+k (its input) are computed once per frame and kept by the Evaluator in its ring; the plan says
// how far from the output frame each value is needed (its reach), and so how many frames the ring
// must hold at once.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "engine/kernel/FrameStep.h"
#include "engine/kernel/PixelProgram.h"
#include "engine/kernel/StagePlan.h"

namespace tinct {

struct TemporalPart {
    PixelProgram program;          // frame 0: the source; frame j: the result of temporals[j - 1] at this frame
    std::vector<size_t> temporals; // indices into TemporalPlan::steps
    bool readsSource = false;
    // Needs nothing but the source at its own frame: computed as soon as that frame is uploaded.
    bool fromSourceAlone() const { return temporals.empty(); }
};

struct TemporalValue {
    uint32_t instr = 0;        // in the whole program; 0: the source
    FrameKind kind = FrameKind::Rgba;
    int part = -1;             // the part computing it; -1 for the source
    uint32_t reach = 0;        // needed at frames n-reach .. n+reach for output frame n
};

struct TemporalStepPlan {
    std::shared_ptr<const PointStep> step;  // keeps `frame` alive
    const FrameStep* frame = nullptr;
    size_t input = 0;                       // the value it reads, index into TemporalPlan::values
    uint32_t radius = 0;
};

struct TemporalPlan {
    std::vector<TemporalValue> values;  // values[0] is the source
    std::vector<TemporalPart> parts;    // parts[0] computes the output
    std::vector<TemporalStepPlan> steps;

    bool temporal() const { return !steps.empty(); }
    // Whether the ring keeps source frames: a part that needs temporal results also reads the source.
    bool keepsSource() const;
    // The frames the ring must hold at once for one output frame in the middle of a long shot, and
    // their bytes at width x height.
    uint64_t footprintFrames() const;
    uint64_t footprintBytes(uint32_t width, uint32_t height) const;
    // One frame of every value the ring keeps.
    uint64_t bytesPerFrame(uint32_t width, uint32_t height) const;
    // The temporal steps' reach, and each part's stages (no GPU needed: --explain).
    std::string describe() const;
};

TemporalPlan planTime(const PixelProgram& program);

}  // namespace tinct
