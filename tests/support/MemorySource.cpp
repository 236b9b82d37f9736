#include "tests/support/MemorySource.h"

#include <random>

namespace tinct::test {

namespace {

std::vector<int64_t> numbersOf(const std::map<int64_t, tinct::Frame>& frames) {
    std::vector<int64_t> n;
    for (const auto& [number, frame] : frames) n.push_back(number);
    return n;
}

}  // namespace

MemorySource::MemorySource(std::map<int64_t, tinct::Frame> frames)
    : FrameSource("memory", tinct::MediaKind::Exr, true, numbersOf(frames)), frames_(std::move(frames)) {}

void MemorySource::readFrame(int64_t number, tinct::Frame& frame) {
    ++reads_;
    order_.push_back(number);
    frame = frames_.at(number);
}

std::map<int64_t, tinct::Frame> randomFrames(const std::vector<int64_t>& numbers, int width, int height, unsigned seed) {
    std::mt19937 random(seed);
    std::uniform_real_distribution<float> value(-0.5f, 2.0f);
    std::map<int64_t, tinct::Frame> frames;
    for (int64_t n : numbers) {
        tinct::Frame f = tinct::makeFrame(width, height);
        for (float& v : f.rgba) v = value(random);
        frames[n] = std::move(f);
    }
    return frames;
}

}  // namespace tinct::test
