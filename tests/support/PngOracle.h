#pragma once
// PNG files read with libpng itself, not through Tinct: screenshots, scopes, report images.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace tinct::test {

struct Png {
    int width = 0, height = 0;
    std::vector<uint8_t> rgba;
    std::array<int, 3> at(int x, int y) const {
        const uint8_t* p = &rgba[(size_t(y) * width + x) * 4];
        return {p[0], p[1], p[2]};
    }
};

// An empty Png (0 x 0) when the file cannot be read.
Png readPng(const std::string& path);

}  // namespace tinct::test
