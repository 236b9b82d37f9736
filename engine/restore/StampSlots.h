#pragma once
// What a restoration kernel keeps between frames under the ring's stamps (FrameStepIo::stamps):
// slots of per-frame (or per-pair) results, each holding the stamp it was worked out for, given out
// least recently used first. A render in order finds all but the newest frame's in them.
#include <cstdint>
#include <vector>

namespace tinct {

class StampSlots {
public:
    void reset(size_t count) { slots_.assign(count, Slot{}); }
    size_t size() const { return slots_.size(); }
    // The slot holding `stamp`, or the least recently used one not taken by this recording yet (to be
    // filled and then given the stamp with keep()); marked taken and used. 0: nothing is known.
    size_t slotFor(uint64_t stamp, std::vector<bool>& taken) {
        size_t best = slots_.size();
        for (size_t i = 0; i < slots_.size(); ++i) {
            if (taken[i]) continue;
            if (stamp != 0 && slots_[i].stamp == stamp) {
                best = i;
                break;
            }
            if (best == slots_.size() || slots_[i].used < slots_[best].used) best = i;
        }
        taken[best] = true;
        slots_[best].used = ++clock_;
        return best;
    }
    bool holds(size_t slot, uint64_t stamp) const { return stamp != 0 && slots_[slot].stamp == stamp; }
    void keep(size_t slot, uint64_t stamp) { slots_[slot].stamp = stamp; }

private:
    struct Slot {
        uint64_t stamp = 0;  // 0: nothing kept
        uint64_t used = 0;
    };
    std::vector<Slot> slots_;
    uint64_t clock_ = 0;
};

}  // namespace tinct
