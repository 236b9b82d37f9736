// FrameSource: which frames are neighbours in time (clip ends mirror, cuts and gaps in a sequence's
// numbers separate shots), and one size per source, checked against the frame numbers worked out by
// hand.
#include <gtest/gtest.h>

#include "engine/Error.h"
#include "engine/media/FrameSource.h"
#include "tests/support/ExrTestFiles.h"
#include "tests/support/RunTinct.h"
#include "tests/support/TempDir.h"

using namespace tinct;
using namespace tinct::test;

namespace {

void writeFrames(const TempDir& dir, const std::vector<int>& numbers, int width = 8, int height = 4) {
    const Imath::Box2i window({0, 0}, {width - 1, height - 1});
    for (int n : numbers) {
        char name[32];
        std::snprintf(name, sizeof name, "s.%04d.exr", n);
        writeRgbaFile(dir.file(name), window, window, Imf::WRITE_RGBA);
    }
}

TEST(FrameSource, NeighboursMirrorAtShotEndsCutsAndGaps) {
    TempDir dir;
    writeFrames(dir, {1, 2, 3, 4, 5, 6, 8, 9, 10, 20});  // a gap after 6, frame 20 alone
    auto source = openFrameSource(dir.file("s.####.exr"));
    source->setCuts({4});  // a shot starts at 4: shots 1-3, 4-6, 8-10, 20
    ASSERT_EQ(source->frames().size(), 10u);
    // Within a shot: plain offsets.
    EXPECT_EQ(source->neighbour(5, -1), 4);
    EXPECT_EQ(source->neighbour(5, 1), 6);
    // At the ends of a shot the frames mirror about the end frame (n-1 of the first is its second).
    EXPECT_EQ(source->neighbour(1, -1), 2);
    EXPECT_EQ(source->neighbour(1, -2), 3);
    EXPECT_EQ(source->neighbour(3, 1), 2);   // 4 starts the next shot
    EXPECT_EQ(source->neighbour(4, -1), 5);  // across the cut, back into its own shot
    EXPECT_EQ(source->neighbour(6, 1), 5);   // 7 is missing: 8 is no neighbour
    EXPECT_EQ(source->neighbour(8, -2), 10);
    // Offsets longer than the shot reflect again: 1-3 with offset 5 from 1 is 1+5 = 6 -> 0 -> 2.
    EXPECT_EQ(source->neighbour(1, 5), 2);
    // A shot of one frame has only itself.
    EXPECT_EQ(source->neighbour(20, -3), 20);
    EXPECT_EQ(source->neighbour(20, 2), 20);
    EXPECT_THROW(source->neighbour(7, 1), Error);
}

TEST(FrameSource, AFrameOfAnotherSizeIsRefusedNamingIt) {
    TempDir dir;
    writeFrames(dir, {1, 2, 4});
    writeFrames(dir, {3}, 16, 4);
    const RunResult r = runTinct({"render", "-i", dir.file("s.####.exr"), "-o", dir.file("out.####.exr"), "--jobs", "1"});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("s.0003.exr"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("16x4"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("8x4"), std::string::npos) << r.err;
}

TEST(FrameSource, FramesThatAreNotThereAreRefused) {
    TempDir dir;
    writeFrames(dir, {1, 2});
    auto source = openFrameSource(dir.file("s.####.exr"));
    Frame frame;
    EXPECT_THROW(source->read(5, frame), Error);
    EXPECT_THROW(openFrameSource(dir.file("t.####.exr")), Error);
    EXPECT_THROW(openFrameSource(dir.file("missing.exr")), Error);
}

}  // namespace
