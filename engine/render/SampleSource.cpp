#include "engine/render/SampleSource.h"

#include "engine/render/SampleFootage.h"

namespace tinct {

namespace {

std::vector<int64_t> oneTo(int count) {
    std::vector<int64_t> n;
    for (int i = 1; i <= count; ++i) n.push_back(i);
    return n;
}

}  // namespace

SampleSource::SampleSource(int width, int height, int count)
    : FrameSource("", MediaKind::Exr, true, oneTo(count)), width_(width), height_(height), count_(count) {}

void SampleSource::readFrame(int64_t number, Frame& frame) { frame = makeSampleFrame(int(number - 1), count_, width_, height_); }

}  // namespace tinct
