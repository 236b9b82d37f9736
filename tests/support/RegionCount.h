#pragma once
// The oracle for repair counts: regions of a mask counted by flood fill, the plain way, with
// diagonal neighbours joining regions as they do for the engine's count.
#include <cstdint>
#include <cstddef>
#include <vector>

namespace tinct::test {

struct Regions {
    uint64_t regions = 0, pixels = 0;
};

// `mask`: width x height, row-major, non-zero where set.
Regions countRegions(const std::vector<uint8_t>& mask, int width, int height);

}  // namespace tinct::test
