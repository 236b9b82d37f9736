#include "engine/graph/FrameRing.h"

#include <algorithm>
#include <atomic>

#include "engine/Error.h"

namespace tinct {

void FrameRing::reset(uint64_t capacityBytes) {
    entries_.clear();
    bytes_ = 0;
    capacity_ = capacityBytes;
}

bool FrameRing::holds(size_t value, int64_t frame) const {
    return std::any_of(entries_.begin(), entries_.end(), [&](const Entry& e) { return e.value == value && e.frame == frame; });
}

namespace {

uint64_t nextStamp() {
    static std::atomic<uint64_t> stamps{0};
    return ++stamps;
}

}  // namespace

uint64_t FrameRing::stamp(size_t value, int64_t frame) const {
    for (const auto& e : entries_)
        if (e.value == value && e.frame == frame) return e.stamp;
    return 0;
}

const GpuBuffer* FrameRing::find(size_t value, int64_t frame, bool pin) {
    for (auto& e : entries_)
        if (e.value == value && e.frame == frame) {
            e.used = ++clock_;
            e.pinned = e.pinned || pin;
            return &e.buffer;
        }
    return nullptr;
}

const GpuBuffer& FrameRing::allocate(size_t value, int64_t frame, uint64_t bytes) {
    // Give up the least recently used unpinned frames until the new one fits, reusing the memory of
    // one of the same size where there is one.
    while (bytes_ + bytes > capacity_) {
        auto victim = entries_.end();
        for (auto e = entries_.begin(); e != entries_.end(); ++e)
            if (!e->pinned && (victim == entries_.end() || e->used < victim->used)) victim = e;
        if (victim == entries_.end())
            throw Error("internal error: the GPU frame ring is full of frames the frame being made needs");
        if (victim->buffer.size() == bytes) {
            victim->value = value, victim->frame = frame, victim->used = ++clock_, victim->pinned = true;
            victim->stamp = nextStamp();
            return victim->buffer;
        }
        bytes_ -= victim->buffer.size();
        entries_.erase(victim);
    }
    entries_.push_back({value, frame, GpuBuffer(gpu_, size_t(bytes), BufferUse::Device), ++clock_, true, nextStamp()});
    bytes_ += bytes;
    return entries_.back().buffer;
}

void FrameRing::unpinAll() {
    for (auto& e : entries_) e.pinned = false;
}

void FrameRing::forget(size_t value) {
    std::erase_if(entries_, [&](const Entry& e) {
        if (e.value != value) return false;
        bytes_ -= e.buffer.size();
        return true;
    });
}

}  // namespace tinct
