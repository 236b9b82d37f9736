#include "engine/graph/FrameRunner.h"

#include <cstring>

#include "engine/gpu/FrameSlots.h"
#include "engine/media/FrameSource.h"

namespace tinct {

FrameRunner::FrameRunner(GpuContext& gpu, Evaluator& evaluator, FrameSource& source)
    : evaluator_(evaluator), source_(source) {
    slots_ = std::make_unique<FrameSlots>(gpu, 1, [this](VkCommandBuffer cmd, VkBuffer src, VkBuffer dst) {
        SourceFrame upload = upload_;
        upload.buffer = src;
        if (intake_ >= 0) evaluator_.recordSource(cmd, intake_, upload);
        if (output_ >= 0) evaluator_.recordFrame(cmd, output_, evaluator_.temporal() ? nullptr : &upload, dst);
    });
}

FrameRunner::~FrameRunner() = default;

Frame FrameRunner::run(int64_t n) {
    Frame info, frame;
    source_.read(n, frame);  // its size and attributes, and for a grade without time its pixels
    ++read_;
    copyFrameInfo(frame, info);
    evaluator_.prepare(uint32_t(frame.width), uint32_t(frame.height), {frame.storage == PixelStorage::Half, false});
    const std::vector<int64_t> needed = evaluator_.beginFrame(n);
    const size_t outputBytes = frame.pixelCount() * 16;
    const void* out = nullptr;
    auto send = [&](const Frame* source, int64_t intake, int64_t output) {
        if (source) {
            std::memcpy(slots_->input(0, source->byteCount()), source->pixels(), source->byteCount());
            upload_ = {VK_NULL_HANDLE, source->storage, source->planeLayout.get()};
        } else {
            slots_->input(0, 0);
        }
        intake_ = intake, output_ = output;
        slots_->submit(0, output >= 0 ? outputBytes : 0);
        out = slots_->wait(0);
    };
    if (!evaluator_.temporal()) {
        send(&frame, -1, n);
    } else {
        for (size_t i = 0; i < needed.size(); ++i) {
            if (needed[i] != n) {
                source_.read(needed[i], frame);
                ++read_;
            } else if (frame.width == 0) {
                source_.read(n, frame);
            }
            send(&frame, needed[i], i + 1 == needed.size() ? n : -1);
            frame = Frame{};  // frame n's pixels went up; the next read needs fresh memory
        }
        if (needed.empty()) send(nullptr, -1, n);
    }
    Frame result;
    copyFrameInfo(info, result);
    result.storage = PixelStorage::Float;
    result.planeLayout.reset();
    result.rgba.assign(static_cast<const float*>(out), static_cast<const float*>(out) + result.pixelCount() * 4);
    return result;
}

}  // namespace tinct
