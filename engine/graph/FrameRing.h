#pragma once
// The Evaluator's memory of frames: GPU frames keyed by (value, frame number) within a byte budget,
// the least recently used given up first. Frames a frame being recorded needs are pinned until it is
// recorded, so nothing it reads is given up under it.
#include <cstdint>
#include <list>

#include "engine/gpu/GpuBuffer.h"

namespace tinct {

class GpuContext;

class FrameRing {
public:
    explicit FrameRing(GpuContext& gpu) : gpu_(gpu) {}

    // Empties the ring and sets what it may hold.
    void reset(uint64_t capacityBytes);
    uint64_t capacity() const { return capacity_; }
    uint64_t bytes() const { return bytes_; }  // held now, never above capacity()
    size_t size() const { return entries_.size(); }

    // The frame of `value` at `frame`, or null. Marks it used, and pins it when asked.
    const GpuBuffer* find(size_t value, int64_t frame, bool pin);
    bool holds(size_t value, int64_t frame) const;
    // What the frame of `value` at `frame` holds, as a number no other contents of any ring ever get
    // (each allocation is given a new one); 0 when it is not held. Steps that keep something they
    // worked out from a frame key it so.
    uint64_t stamp(size_t value, int64_t frame) const;
    // A frame of `bytes` for (value, frame), pinned: a new one, or the least recently used unpinned one's
    // memory. Throws tinct::Error (internal) when everything held is pinned and nothing more fits.
    const GpuBuffer& allocate(size_t value, int64_t frame, uint64_t bytes);
    void unpinAll();
    // Gives up every frame of `value` (a parameter edit changed what it holds).
    void forget(size_t value);

private:
    struct Entry {
        size_t value;
        int64_t frame;
        GpuBuffer buffer;
        uint64_t used;
        bool pinned;
        uint64_t stamp;
    };
    GpuContext& gpu_;
    std::list<Entry> entries_;  // a list: the buffers handed out keep their addresses as others come and go
    uint64_t capacity_ = 0, bytes_ = 0, clock_ = 0;
};

}  // namespace tinct
