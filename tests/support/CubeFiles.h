#pragma once
// .cube files written by the tests, with a look that mixes channels so every interpolation branch
// matters.
#include <string>

namespace tinct::test {

// A 3D LUT of `size`^3 entries. `header` lines are written before the data (DOMAIN_MIN, ...).
void writeCube3d(const std::string& path, int size, const std::string& header = "");

// A 1D LUT of `size` entries (a per-channel curve).
void writeCube1d(const std::string& path, int size, const std::string& header = "");

}  // namespace tinct::test
