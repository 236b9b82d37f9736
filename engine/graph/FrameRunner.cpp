#include "engine/graph/FrameRunner.h"

#include <cstring>

#include "engine/gpu/FrameSlots.h"
#include "engine/graph/RepairTally.h"
#include "engine/media/FrameSource.h"

namespace tinct {

FrameRunner::FrameRunner(GpuContext& gpu, Evaluator& evaluator, FrameSource& source)
    : gpu_(gpu), evaluator_(evaluator), source_(source) {
    slots_ = std::make_unique<FrameSlots>(gpu, 1, [this](VkCommandBuffer cmd, VkBuffer src, VkBuffer dst) {
        SourceFrame upload = upload_;
        upload.buffer = src;
        if (intake_ >= 0) evaluator_.recordSource(cmd, intake_, upload);
        if (output_ < 0) return;
        const VkBuffer out = after_ ? graded_.handle() : dst;
        evaluator_.recordFrame(cmd, output_, evaluator_.temporal() ? nullptr : &upload, out, tally_);
        if (after_) (*after_)(cmd, out, width_, height_);
    });
}

FrameRunner::~FrameRunner() = default;

const void* FrameRunner::record(int64_t n, const AfterFrame* after, Frame& info, RepairTally* tally) {
    Frame frame;
    source_.read(n, frame);  // its size and attributes, and its pixels for a grade without time
    ++read_;
    copyFrameInfo(frame, info);
    width_ = uint32_t(frame.width), height_ = uint32_t(frame.height);
    evaluator_.prepare(width_, height_, {frame.storage == PixelStorage::Half, false});
    const size_t floatBytes = frame.pixelCount() * 16;
    if (after && graded_.size() < floatBytes) graded_ = GpuBuffer(gpu_, floatBytes, BufferUse::Device);
    after_ = after;
    tally_ = tally;
    if (tally) tally->begin();
    const std::vector<int64_t> needed = evaluator_.beginFrame(n);
    const void* out = nullptr;
    auto send = [&](const Frame* source, int64_t intake, int64_t output) {
        if (source) {
            std::memcpy(slots_->input(0, source->byteCount()), source->pixels(), source->byteCount());
            upload_ = {VK_NULL_HANDLE, source->storage, source->planeLayout.get()};
        } else {
            slots_->input(0, 0);
        }
        intake_ = intake, output_ = output;
        slots_->submit(0, output >= 0 && !after ? floatBytes : 0);
        out = slots_->wait(0);
    };
    if (!evaluator_.temporal()) {
        send(&frame, -1, n);
    } else {
        bool haveN = true;  // frame n's pixels are in `frame` until they go up
        for (size_t i = 0; i < needed.size(); ++i) {
            if (needed[i] != n || !haveN) {
                source_.read(needed[i], frame);
                ++read_;
            }
            haveN = false;
            send(&frame, needed[i], i + 1 == needed.size() ? n : -1);
        }
        if (needed.empty()) send(nullptr, -1, n);
    }
    after_ = nullptr;
    tally_ = nullptr;
    return out;
}

Frame FrameRunner::run(int64_t n, RepairTally* tally) {
    Frame result;
    const void* out = record(n, nullptr, result, tally);
    result.storage = PixelStorage::Float;
    result.planeLayout.reset();
    result.rgba.assign(static_cast<const float*>(out), static_cast<const float*>(out) + result.pixelCount() * 4);
    return result;
}

Frame FrameRunner::runOnGpu(int64_t n, const AfterFrame& after, RepairTally* tally) {
    Frame info;
    record(n, &after, info, tally);
    return info;
}

}  // namespace tinct
