#pragma once
// The repairs the restoration nodes made, counted as frames are made (`render --stats`, `restore
// report`): each counted step's repair matte at each frame it ran at is packed on the GPU one bit
// per pixel (shaders/repair_bits.comp), brought back with the frame, and counted on the host as
// separate repaired regions and repaired pixels. One tally serves one recording at a time.
#include <cstdint>
#include <set>
#include <vector>

#include "engine/gpu/ComputeKernel.h"
#include "engine/gpu/ReadbackBuffer.h"

namespace tinct {

class FrameStep;

// One frame's repairs by one step.
struct RepairCount {
    uint32_t repairs = 0;  // separate repaired regions (pixels touching, diagonals included)
    uint64_t area = 0;     // repaired pixels
};

// Counts a matte packed as repair_bits.comp packs it: rows of ceil(width / 32) words, pixel x of a
// row in bit x % 32 of word x / 32.
RepairCount countRepairs(const uint32_t* bits, uint32_t width, uint32_t height);

class RepairTally {
public:
    // Counts the repairs of `steps` (frame steps whose kernels give a repair matte).
    RepairTally(GpuContext& gpu, std::set<const FrameStep*> steps);

    bool counts(const FrameStep* step) const { return steps_.count(step) > 0; }
    // Before a recording: the previous one completed and was read.
    void begin() { entries_.clear(); }
    // Packs `matte` (one float per pixel), `step`'s repair matte at source frame `frame`, and brings
    // it back; recorded after the step, a barrier after its writes to `matte` already recorded.
    void record(VkCommandBuffer cmd, const FrameStep* step, int64_t frame, VkBuffer matte, uint32_t width, uint32_t height);

    struct Entry {
        const FrameStep* step = nullptr;
        int64_t frame = 0;
        uint32_t width = 0, height = 0;
    };
    // What the recording packed, in the order it ran (a frame may come twice where the evaluator
    // made it again; the counts are the same).
    const std::vector<Entry>& entries() const { return entries_; }
    // Once the recording completed:
    RepairCount count(size_t entry) const;
    const uint32_t* bits(size_t entry) const;

private:
    ComputeKernel pack_;
    GpuContext& gpu_;
    std::set<const FrameStep*> steps_;
    std::vector<Entry> entries_;
    std::vector<ReadbackBuffer> buffers_;  // entries_[i] packed into buffers_[i]; kept between recordings
};

}  // namespace tinct
