#include "engine/media/ConstantRate.h"

#include <algorithm>
#include <array>
#include <cmath>

extern "C" {
#include <libavutil/common.h>
#include <libavutil/mathematics.h>
}

namespace tinct {

namespace {

// The picture's time in frames of the output rate, as ffmpeg computes it: a few extra bits of
// precision on the output time base, and a nudge off exact half-frames so rounding is not left to
// chance.
double framesOf(int64_t timestamp, AVRational timeBase, AVRational frameTime) {
    const int extraBits = av_clip(29 - av_log2(unsigned(frameTime.den)), 0, 16);
    AVRational fine = frameTime;
    fine.den <<= extraBits;
    double t = double(av_rescale_q(timestamp, timeBase, fine)) / double(1 << extraBits);
    t += (t > 0 ? 1.0 : t < 0 ? -1.0 : 0.0) / double(1 << 17);
    return t;
}

}  // namespace

std::vector<int64_t> framesAtConstantRate(const std::vector<PictureTiming>& pictures, AVRational timeBase, int64_t start,
                                          AVRational rate) {
    const AVRational frameTime = av_inv_q(rate);
    std::vector<int64_t> frames;
    int64_t nextFrame = 0;            // the output frame the next picture would fill
    std::array<int64_t, 3> repeats{}; // how many earlier pictures' copies the last three pictures added
    for (size_t p = 0; p < pictures.size(); ++p) {
        double due = framesOf(pictures[p].timestamp - start, timeBase, frameTime);
        double length = 1.0;  // frames the picture lasts
        if (pictures[p].duration > 0) {
            const long d = std::lrint(double(pictures[p].duration) * av_q2d(timeBase) / av_q2d(frameTime));
            if (d > 0) length = double(d);
        }
        double early = due - double(nextFrame);  // > 0: there is a gap before the picture
        double reach = early + length;
        if (early < 0 && reach > 0) {  // starts before its slot but still covers it: shown from the slot
            length += early;
            early = 0;
        }
        int64_t copies = 1, previousCopies = 0;
        if (reach < -1.1) {
            copies = 0;  // entirely past: dropped
        } else if (reach > 1.1) {
            copies = std::lrint(reach);
            if (early > 1.1) previousCopies = std::llrint(early - 0.6);  // the gap shows the picture before
        }
        previousCopies = std::min(previousCopies, copies);
        repeats = {previousCopies, repeats[0], repeats[1]};
        for (int64_t c = 0; c < copies; ++c) frames.push_back(c < previousCopies && p > 0 ? int64_t(p - 1) : int64_t(p));
        nextFrame += copies;
    }
    // At the end ffmpeg repeats the last picture as often as the median of the last three gaps did.
    std::array<int64_t, 3> sorted = repeats;
    std::sort(sorted.begin(), sorted.end());
    if (!pictures.empty())
        for (int64_t c = 0; c < sorted[1]; ++c) frames.push_back(int64_t(pictures.size() - 1));
    return frames;
}

}  // namespace tinct
