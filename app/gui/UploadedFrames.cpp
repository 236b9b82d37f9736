#include "app/gui/UploadedFrames.h"

#include "app/gui/MediaSource.h"
#include "engine/Error.h"

namespace tinct {

void UploadedFrames::sizeFrom(int64_t number) {
    const Frame& frame = media_.frame(number);
    if (frame.width == width_ && frame.height == height_) return;
    uploads_.clear();
    width_ = frame.width, height_ = frame.height;
}

VkBuffer UploadedFrames::get(int64_t number) {
    for (auto it = uploads_.begin(); it != uploads_.end(); ++it)
        if (it->number == number) {
            uploads_.splice(uploads_.begin(), uploads_, it);
            return uploads_.front().frame.handle();
        }
    const Frame& frame = media_.frame(number);
    if (frame.storage != PixelStorage::Float) throw Error("the station needs float frames");
    if (frame.width != width_ || frame.height != height_)
        throw Error("frame " + std::to_string(number) + " is " + std::to_string(frame.width) + "x" + std::to_string(frame.height) +
                    ", the shot " + std::to_string(width_) + "x" + std::to_string(height_) +
                    ": frames shown together must have one size");
    uploads_.push_front({number, GpuBuffer::withData(gpu_, frame.rgba.data(), frame.pixelCount() * 16)});
    if (uploads_.size() > kKept) uploads_.pop_back();
    return uploads_.front().frame.handle();
}

}  // namespace tinct
