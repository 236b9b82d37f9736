#pragma once
// Compares a frame with expected values per pixel, reporting the first few differences rather
// than thousands of failures.
#include "engine/io/Frame.h"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <functional>
#include <sstream>

namespace tinct::test {

using ExpectedPixel = std::function<std::array<float, 4>(int x, int y)>;  // data-window coords

inline ::testing::AssertionResult pixelsMatch(const Frame& frame, const ExpectedPixel& expected,
                                              float tolerance = 0.0f) {
    if (frame.rgba.size() != frame.pixelCount() * 4)
        return ::testing::AssertionFailure() << "buffer holds " << frame.rgba.size() << " floats";
    std::ostringstream differences;
    int count = 0;
    for (int y = 0; y < frame.height; ++y)
        for (int x = 0; x < frame.width; ++x) {
            const int px = x + frame.dataWindow.xMin, py = y + frame.dataWindow.yMin;
            const auto want = expected(px, py);
            for (int c = 0; c < 4; ++c) {
                const float got = frame.rgba[(size_t(y) * frame.width + x) * 4 + c];
                if (!(std::fabs(got - want[c]) <= tolerance) && count++ < 5)
                    differences << " (" << px << "," << py << ")[" << "RGBA"[c] << "]: got " << got
                                << " want " << want[c] << ";";
            }
        }
    if (count == 0) return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << count << " samples differ:" << differences.str();
}

}  // namespace tinct::test
