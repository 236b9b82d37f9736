// Repairs counted from a packed matte (engine/graph/RepairTally's countRepairs) against regions
// counted by flood fill (tests/support/RegionCount): exactly equal, on masks made to catch the run
// joining's cases (diagonal touches, a region that joins below, runs across word boundaries and at
// row ends, widths around a word) and on random ones.
#include <gtest/gtest.h>

#include <random>

#include "engine/graph/RepairTally.h"
#include "tests/support/RegionCount.h"

using namespace tinct;
using namespace tinct::test;

namespace {

std::vector<uint32_t> pack(const std::vector<uint8_t>& mask, int width, int height) {
    const int words = (width + 31) / 32;
    std::vector<uint32_t> bits(size_t(words) * height, 0);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            if (mask[size_t(y) * width + x]) bits[size_t(y) * words + x / 32] |= 1u << (x % 32);
    return bits;
}

void expectSameAsFloodFill(const std::vector<uint8_t>& mask, int width, int height) {
    const Regions oracle = countRegions(mask, width, height);
    const RepairCount c = countRepairs(pack(mask, width, height).data(), uint32_t(width), uint32_t(height));
    EXPECT_EQ(c.repairs, oracle.regions) << width << "x" << height;
    EXPECT_EQ(c.area, oracle.pixels) << width << "x" << height;
}

std::vector<uint8_t> drawn(const std::vector<std::string>& rows) {
    std::vector<uint8_t> mask;
    for (const auto& row : rows)
        for (char c : row) mask.push_back(c == '#');
    return mask;
}

}  // namespace

TEST(RepairCount, ShapesThatJoinLateOrOnlyDiagonally) {
    const std::vector<std::vector<std::string>> shapes = {
        {"......", "......"},                      // nothing
        {"#.....", "......"},                      // one pixel in a corner
        {"#.#.#.", ".#.#.#"},                      // a zigzag: one region through its diagonals
        {"#...#.", "#...#.", "#####."},            // a U: two runs that meet below
        {"#.#.#.", "#.#.#.", "#.#.#.", "######"},  // a comb: three that meet at the bottom row
        {"##..##", "......", "##..##"},            // four apart
        {".....#", "#....."},                      // far corners, on different rows
    };
    for (const auto& rows : shapes) expectSameAsFloodFill(drawn(rows), int(rows.front().size()), int(rows.size()));
}

TEST(RepairCount, RunsAcrossWordsAndAtRowEnds) {
    for (int width : {1, 31, 32, 33, 63, 64, 65, 100}) {
        const int height = 4;
        std::vector<uint8_t> mask(size_t(width) * height, 0);
        for (int x = 0; x < width; ++x) mask[size_t(x)] = 1;                               // a full row
        for (int x = width / 2; x < width; ++x) mask[size_t(2 * width + x)] = 1;           // to the row's end
        if (width > 2) mask[size_t(3 * width)] = 1;                                         // alone at a row's start
        expectSameAsFloodFill(mask, width, height);
    }
}

TEST(RepairCount, RandomMasksOfEveryDensity) {
    std::mt19937 rng(5);
    for (int trial = 0; trial < 60; ++trial) {
        const int width = 1 + int(rng() % 140), height = 1 + int(rng() % 40);
        const double density = (trial % 10) / 10.0;
        std::bernoulli_distribution set(density);
        std::vector<uint8_t> mask(size_t(width) * height);
        for (auto& m : mask) m = set(rng);
        expectSameAsFloodFill(mask, width, height);
    }
}
