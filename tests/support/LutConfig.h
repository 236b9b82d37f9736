#pragma once
// A third-party style OCIO config built on LUT files, written into a test's directory: scene-linear
// reference `linear`; the working space (color_timing) `lutlog`, a log encoding given by a 1D LUT from
// code values 0..1 to linear 0.18 x 2^-10 .. 2^6, which clamps what lies outside; display sRGB with
// the views Standard (the sRGB curve), Look (the curve, then a 17^3 .cube) and Raw (data).
#include <string>

#include "tests/support/TempDir.h"

namespace tinct::test {

// Writes config.ocio, lutlog.spi1d and look.cube into `dir`; returns the config's path.
std::string writeClampingLutConfig(const TempDir& dir);

}  // namespace tinct::test
