#pragma once
// The station's source frames on the GPU: each uploaded once while it is in use, for the viewer, its
// wipe, the node thumbnails and a temporal grade's neighbours alike.
#include <vulkan/vulkan.h>

#include <cstdint>
#include <list>

#include "engine/gpu/GpuBuffer.h"

namespace tinct {

class GpuContext;
class MediaSource;

class UploadedFrames {
public:
    UploadedFrames(GpuContext& gpu, MediaSource& media) : gpu_(gpu), media_(media) {}
    // Frame `number` as RGBA32F on the GPU; valid while the next kKept others are asked for.
    // Throws tinct::Error when it cannot be read, or is not the size of the frames before it.
    VkBuffer get(int64_t number);
    int width() const { return width_; }
    int height() const { return height_; }
    // The size of frame `number`, read (and kept) if need be; a new size empties the cache.
    void sizeFrom(int64_t number);

    static constexpr size_t kKept = 12;

private:
    struct Upload {
        int64_t number;
        GpuBuffer frame;
    };
    GpuContext& gpu_;
    MediaSource& media_;
    std::list<Upload> uploads_;  // most recent first
    int width_ = 0, height_ = 0;
};

}  // namespace tinct
