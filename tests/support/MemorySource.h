#pragma once
// A FrameSource over frames held in memory, made by a test: its frame numbers, its cuts, and the
// number of reads it was asked for (what an evaluator's ring saves).
#include <atomic>
#include <map>

#include "engine/media/FrameSource.h"

namespace tinct::test {

class MemorySource : public tinct::FrameSource {
public:
    explicit MemorySource(std::map<int64_t, tinct::Frame> frames);
    int64_t reads() const { return reads_; }
    // The frames read, in order (to check what was asked for).
    const std::vector<int64_t>& readOrder() const { return order_; }

private:
    void readFrame(int64_t number, tinct::Frame& frame) override;
    std::map<int64_t, tinct::Frame> frames_;
    std::atomic<int64_t> reads_{0};
    std::vector<int64_t> order_;
};

// Random RGBA32F frames (values -0.5 .. 2, distinct from frame to frame), w x h, for frames `numbers`.
std::map<int64_t, tinct::Frame> randomFrames(const std::vector<int64_t>& numbers, int width, int height, unsigned seed = 1);

}  // namespace tinct::test
