#pragma once
// The built-in sample footage as a FrameSource (frames 1 .. count), for the station when it is given
// no media: the same frames `tinct sample` writes, made on request.
#include "engine/media/FrameSource.h"

namespace tinct {

class SampleSource : public FrameSource {
public:
    SampleSource(int width, int height, int count = 24);

private:
    void readFrame(int64_t number, Frame& frame) override;
    int width_, height_, count_;
};

}  // namespace tinct
