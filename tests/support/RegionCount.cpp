#include "tests/support/RegionCount.h"

#include <cstddef>

namespace tinct::test {

using std::size_t;

Regions countRegions(const std::vector<uint8_t>& mask, int width, int height) {
    Regions r;
    std::vector<uint8_t> seen(mask.size(), 0);
    std::vector<int> stack;
    for (int start = 0; start < width * height; ++start) {
        if (!mask[size_t(start)]) continue;
        ++r.pixels;
        if (seen[size_t(start)]) continue;
        ++r.regions;
        seen[size_t(start)] = 1;
        stack.push_back(start);
        while (!stack.empty()) {
            const int p = stack.back();
            stack.pop_back();
            const int x = p % width, y = p / width;
            for (int dy = -1; dy <= 1; ++dy)
                for (int dx = -1; dx <= 1; ++dx) {
                    const int nx = x + dx, ny = y + dy;
                    if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
                    const int q = ny * width + nx;
                    if (mask[size_t(q)] && !seen[size_t(q)]) seen[size_t(q)] = 1, stack.push_back(q);
                }
        }
    }
    return r;
}

}  // namespace tinct::test
