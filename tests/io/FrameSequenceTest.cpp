// Sequence patterns, the names they produce, and what a scan of a directory finds.
#include "engine/Error.h"
#include "engine/io/FrameSequence.h"
#include "tests/support/ExrTestFiles.h"

#include <gtest/gtest.h>

#include <fstream>

namespace tinct::test {
namespace {

void touch(const TempDir& dir, const std::string& name) { std::ofstream(dir.file(name)) << "x"; }

TEST(FrameSequence, PrintfPatterns) {
    const auto padded = FrameSequence::parse("/shots/sh010/comp.%04d.exr");
    EXPECT_TRUE(padded.isSequence());
    EXPECT_EQ(padded.padding(), 4);
    EXPECT_EQ(padded.pathFor(7), "/shots/sh010/comp.0007.exr");
    EXPECT_EQ(padded.pathFor(1001), "/shots/sh010/comp.1001.exr");
    EXPECT_EQ(padded.pathFor(123456), "/shots/sh010/comp.123456.exr");
    EXPECT_EQ(padded.pathFor(-5), "/shots/sh010/comp.-0005.exr");
    const auto plain = FrameSequence::parse("f%d.dpx");
    EXPECT_EQ(plain.padding(), 0);
    EXPECT_EQ(plain.pathFor(0), "f0.dpx");
    EXPECT_EQ(plain.pathFor(42), "f42.dpx");
    EXPECT_EQ(FrameSequence::parse("x_%06d").pathFor(12), "x_000012");
}

TEST(FrameSequence, HashAndAtPatterns) {
    EXPECT_EQ(FrameSequence::parse("comp.####.exr").pathFor(12), "comp.0012.exr");
    EXPECT_EQ(FrameSequence::parse("comp.#.exr").pathFor(12), "comp.12.exr");
    EXPECT_EQ(FrameSequence::parse("comp.@@@.exr").pathFor(5), "comp.005.exr");
    EXPECT_EQ(FrameSequence::parse("comp.@@@.exr").padding(), 3);
    EXPECT_EQ(FrameSequence::parse("####").pathFor(-12), "-0012");
}

TEST(FrameSequence, SingleFiles) {
    for (const std::string path : {"plate.exr", "/a/b/plate.exr", "50%.exr", "/run#1/plate.exr"}) {
        const auto single = FrameSequence::parse(path);
        EXPECT_FALSE(single.isSequence()) << path;
        EXPECT_EQ(single.pathFor(1001), path);
        EXPECT_TRUE(single.scan().empty());
    }
}

TEST(FrameSequence, RejectsAmbiguousPatterns) {
    EXPECT_THROW(FrameSequence::parse("a.####.%04d.exr"), Error);
    EXPECT_THROW(FrameSequence::parse("a.##_##.exr"), Error);
    EXPECT_THROW(FrameSequence::parse("a.#@.exr"), Error);
    try {
        FrameSequence::parse("a.%4d.exr");
        FAIL() << "expected tinct::Error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("%04d"), std::string::npos) << e.what();
    }
}

TEST(FrameSequence, ScanFollowsPaddingRules) {
    TempDir dir;
    for (const char* name : {"a.1001.exr", "a.1002.exr", "a.1004.exr", "a.0007.exr",
                             "a.10000.exr", "a.-0003.exr",
                             // not frames of a.####.exr:
                             "a.001.exr", "a.01000.exr", "a.0001x.exr", "a.1003.exr.bak",
                             "b.1003.exr", ".a.1005.tmp-1-0.exr", "a.+1006.exr", "a..exr",
                             "a.-0.exr", "a.99999999999.exr"})
        touch(dir, name);
    std::filesystem::create_directory(dir.path() / "a.1008.exr");  // a directory is no frame
    const auto sequence = FrameSequence::parse(dir.file("a.####.exr"));
    EXPECT_EQ(sequence.scan(), (std::vector<int>{-3, 7, 1001, 1002, 1004, 10000}));
}

TEST(FrameSequence, ScanUnpaddedMatchesNoLeadingZeros) {
    TempDir dir;
    for (const char* name : {"x.7.exr", "x.07.exr", "x.123.exr", "x.0.exr", "x.00.exr"})
        touch(dir, name);
    EXPECT_EQ(FrameSequence::parse(dir.file("x.%d.exr")).scan(), (std::vector<int>{0, 7, 123}));
}

TEST(FrameSequence, ScanOfMissingDirectoryIsAnError) {
    TempDir dir;
    try {
        FrameSequence::parse(dir.file("gone/a.####.exr")).scan();
        FAIL() << "expected tinct::Error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find(dir.file("gone/")), std::string::npos) << e.what();
    }
}

TEST(FrameSequence, DescribeReportsRangeAndGaps) {
    TempDir dir;
    for (int frame : {1001, 1002, 1004, 1005, 1010, 1011, 1012}) {
        touch(dir, "shot." + std::to_string(frame) + ".exr");
    }
    const auto info = describeSequence(FrameSequence::parse(dir.file("shot.%04d.exr")));
    EXPECT_EQ(info["sequence"], true);
    EXPECT_EQ(info["padding"], 4);
    EXPECT_EQ(info["first"], 1001);
    EXPECT_EQ(info["last"], 1012);
    EXPECT_EQ(info["count"], 7);
    EXPECT_EQ(info["missing"], 5);
    EXPECT_EQ(info["gaps"], nlohmann::json({{1003, 1003}, {1006, 1009}}));
    EXPECT_EQ(info["gapsText"], "1003, 1006-1009");

    const auto empty = describeSequence(FrameSequence::parse(dir.file("other.####.exr")));
    EXPECT_EQ(empty["count"], 0);
    EXPECT_TRUE(empty["first"].is_null());
    const auto single = describeSequence(FrameSequence::parse(dir.file("shot.1001.exr")));
    EXPECT_EQ(single["sequence"], false);
    EXPECT_EQ(single["exists"], true);
}

}  // namespace
}  // namespace tinct::test
