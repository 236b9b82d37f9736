#include "engine/render/FrameSubmitter.h"

#include <algorithm>
#include <chrono>
#include <cstring>

#include "engine/Error.h"
#include "engine/gpu/ComputeKernel.h"
#include "engine/gpu/GpuContext.h"
#include "engine/graph/RepairTally.h"
#include "engine/media/PlaneLayout.h"
#include "engine/media/RgbToYuv.h"

namespace tinct {

namespace {

constexpr size_t kSlots = 2;  // the GPU runs one frame while the host fills and empties the other

using Clock = std::chrono::steady_clock;
double msSince(Clock::time_point start) { return std::chrono::duration<double, std::milli>(Clock::now() - start).count(); }

}  // namespace

FrameSubmitter::FrameSubmitter(GpuContext& gpu, Evaluator& evaluator, Spare spare, Recycle recycle, Done done)
    : gpu_(gpu), evaluator_(evaluator), spare_(std::move(spare)), recycle_(std::move(recycle)), done_(std::move(done)),
      rgbaOut_(kSlots), inFlight_(kSlots) {
    slots_ = std::make_unique<FrameSlots>(gpu, kSlots, [this](VkCommandBuffer cmd, VkBuffer src, VkBuffer dst) {
        SourceFrame upload = work_.upload;
        upload.buffer = src;
        if (work_.intake >= 0) evaluator_.recordSource(cmd, work_.intake, upload);
        if (work_.output < 0) return;
        const VkBuffer graded = work_.layout ? rgbaOut_[work_.slot].handle() : dst;
        RepairTally* tally = tallies_.empty() ? nullptr : tallies_[work_.slot].get();
        if (tally) tally->begin();
        evaluator_.recordFrame(cmd, work_.output, evaluator_.temporal() ? nullptr : &upload, graded, tally);
        if (work_.layout) toPlanes_->record(cmd, graded, dst, *work_.layout);
    });
}

void FrameSubmitter::countRepairs(const std::set<const FrameStep*>& steps, Repaired repaired) {
    tallies_.clear();
    for (size_t i = 0; i < kSlots; ++i) tallies_.push_back(std::make_unique<RepairTally>(gpu_, steps));
    repaired_ = std::move(repaired);
}

FrameSubmitter::~FrameSubmitter() {
    for (size_t slot : order_)
        if (slots_->busy(slot)) slots_->wait(slot);  // nothing may run on buffers about to go
}

bool FrameSubmitter::collect(size_t slot) {
    const void* pixels = slots_->wait(slot);
    order_.erase(std::find(order_.begin(), order_.end(), slot));
    times_.gpuMs += slots_->gpuMilliseconds(slot).value_or(0.0);
    InFlight& f = inFlight_[slot];
    if (!f.output) return true;
    f.output = false;
    if (!tallies_.empty()) repaired_(*tallies_[slot]);
    const auto t0 = Clock::now();
    Frame out = spare_();
    copyFrameInfo(f.info, out);
    if (f.layout) {
        out.storage = PixelStorage::Planes;
        out.planeLayout = f.layout;
        out.planes.resize(f.layout->bytes);
    } else {
        out.storage = f.half ? PixelStorage::Half : PixelStorage::Float;
        out.planeLayout.reset();
        if (f.half) out.rgbaHalf.resize(out.pixelCount() * 4);
        else out.rgba.resize(out.pixelCount() * 4);
    }
    std::memcpy(out.pixels(), pixels, out.byteCount());
    times_.downloadMs += msSince(t0);
    return done_(f.index, std::move(out));
}

size_t FrameSubmitter::freeSlot() {
    const size_t slot = next_;
    next_ = (next_ + 1) % kSlots;
    if (slots_->busy(slot) && !collect(slot)) return kSlots;
    return slot;
}

void FrameSubmitter::send(size_t slot, const Frame* source, size_t outputBytes) {
    const auto t0 = Clock::now();
    if (source) {
        std::memcpy(slots_->input(slot, source->byteCount()), source->pixels(), source->byteCount());
        work_.upload.storage = source->storage;
        work_.upload.planes = source->planeLayout.get();
    } else {
        slots_->input(slot, 0);
    }
    times_.uploadMs += msSince(t0);
    work_.slot = slot;
    slots_->submit(slot, outputBytes);
    order_.push_back(slot);
}

bool FrameSubmitter::submit(size_t index, int64_t n, const Frame& info, FrameFormats formats,
                            std::shared_ptr<const PlaneLayout> encoderLayout, const Obtain& obtain) {
    evaluator_.prepare(uint32_t(info.width), uint32_t(info.height), formats);
    const std::vector<int64_t> needed = evaluator_.beginFrame(n);
    // All but the last source frame go up in slots of their own; their work stays in the ring.
    for (size_t i = 0; i + 1 < needed.size(); ++i) {
        const size_t slot = freeSlot();
        if (slot == kSlots) return false;
        Frame source = obtain(needed[i]);
        work_ = {needed[i], -1, {}, nullptr, slot};
        send(slot, &source, 0);
        recycle_(std::move(source));
    }
    const size_t slot = freeSlot();
    if (slot == kSlots) return false;
    const VkDeviceSize floatBytes = VkDeviceSize(info.width) * info.height * 16;
    if (encoderLayout) {
        if (!toPlanes_) toPlanes_ = std::make_unique<RgbToYuv>(gpu_);
        if (rgbaOut_[slot].size() < floatBytes) rgbaOut_[slot] = GpuBuffer(gpu_, floatBytes, BufferUse::Device);
    }
    InFlight& f = inFlight_[slot];
    f = {true, index, Frame{}, formats.destinationHalf && !encoderLayout, encoderLayout};
    copyFrameInfo(info, f.info);
    const size_t outputBytes = encoderLayout ? encoderLayout->bytes : size_t(floatBytes / (f.half ? 2 : 1));
    work_ = {needed.empty() || !evaluator_.temporal() ? -1 : needed.back(), n, {}, encoderLayout, slot};
    if (needed.empty()) {
        send(slot, nullptr, outputBytes);
    } else {
        Frame source = obtain(needed.back());
        send(slot, &source, outputBytes);
        recycle_(std::move(source));
    }
    return true;
}

bool FrameSubmitter::finish() {
    while (!order_.empty())
        if (!collect(order_.front())) return false;
    return true;
}

}  // namespace tinct
