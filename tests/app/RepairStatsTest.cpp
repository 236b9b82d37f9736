// `render --stats` says how many repairs each restoration node made in each frame, and over how
// many pixels: checked against the node's own repair matte rendered through the command line as
// EXR, read back with OpenEXR and counted by flood fill (tests/support/RegionCount). A chunk of
// the job says the same of its frames as the whole job does (a farm's reports add up), and a grade
// without repairing nodes says of repairs an empty object.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include <ImfHeader.h>
#include <nlohmann/json.hpp>

#include "tests/support/ExrOracle.h"
#include "tests/support/JobFiles.h"
#include "tests/support/RegionCount.h"
#include "tests/support/RunTinct.h"
#include "tests/support/SyntheticFilm.h"
#include "tests/support/TempDir.h"

using namespace tinct::test;

namespace {

class RepairStats : public testing::Test {
protected:
    void SetUp() override {
        FilmSettings s;
        s.frames = 8, s.cut = -1;
        film = makeFilm(s);
        addBlotches(film, 0.006, 8, 21);
        for (const auto& [n, frame] : film.damaged)
            writeExrWithOpenExr(frameName(dir.file("scan.####.exr"), int(n)), Imf::Header(frame.width, frame.height), frame.rgba);
        std::ofstream(dir.file("dust.json")) << R"({"tinct_grade": 2, "nodes": [{"id": "dust", "type": "dust"}]})";
        std::ofstream(dir.file("matte.json"))
            << R"({"tinct_grade": 2, "nodes": [{"id": "dust", "type": "dust", "params": {"view": "matte"}}]})";
    }
    // The regions of the matte view's frame n, as OpenEXR reads it.
    Regions matteRegions(int n) {
        const ExrPixels matte = readExrWithOpenExr(frameName(dir.file("matte/m.####.exr"), n));
        return countRegions(matteMask(matte), matte.width, matte.height);
    }
    TempDir dir;
    Film film;
};

TEST_F(RepairStats, EachFramesRepairsAreTheRegionsOfItsRepairMatte) {
    const std::string scan = dir.file("scan.####.exr");
    RunResult r = runTinct({"render", "-i", scan, "--grade", dir.file("dust.json"), "-o", dir.file("out/f.####.exr"), "--stats",
                            dir.file("stats.json")});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    r = runTinct({"render", "-i", scan, "--grade", dir.file("matte.json"), "-o", dir.file("matte/m.####.exr")});
    ASSERT_EQ(r.exitCode, 0) << r.err;

    const nlohmann::json repairs = readJson(dir.file("stats.json")).at("repairs");
    ASSERT_EQ(repairs.size(), 1u) << repairs.dump();
    const nlohmann::json& dust = repairs.at("dust");
    ASSERT_EQ(dust.at("frames").size(), 8u);
    uint64_t total = 0, area = 0, repaired = 0;
    for (int n = 0; n < 8; ++n) {
        const nlohmann::json& f = dust.at("frames")[n];
        const Regions expected = matteRegions(n);
        EXPECT_EQ(f.at("frame").get<int>(), n);
        EXPECT_EQ(f.at("repairs").get<uint64_t>(), expected.regions) << "frame " << n;
        EXPECT_EQ(f.at("area").get<uint64_t>(), expected.pixels) << "frame " << n;
        total += expected.regions, area += expected.pixels, repaired += expected.regions > 0;
    }
    // The film has blotches in every frame: counts of zero would pass the comparison above only if
    // the matte were empty too.
    EXPECT_EQ(repaired, 8u);
    EXPECT_EQ(dust.at("repairs").get<uint64_t>(), total);
    EXPECT_EQ(dust.at("area").get<uint64_t>(), area);
    EXPECT_EQ(dust.at("frames_repaired").get<uint64_t>(), repaired);
}

TEST_F(RepairStats, AChunkSaysWhatTheWholeJobSaysOfItsFrames) {
    const std::string scan = dir.file("scan.####.exr");
    RunResult r = runTinct({"render", "-i", scan, "--grade", dir.file("dust.json"), "-o", dir.file("whole/f.####.exr"), "--stats",
                            dir.file("whole.json")});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    r = runTinct({"render", "-i", scan, "--grade", dir.file("dust.json"), "--frames", "3-5", "-o", dir.file("chunk/f.####.exr"),
                  "--stats", dir.file("chunk.json")});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const nlohmann::json whole = readJson(dir.file("whole.json")).at("repairs").at("dust").at("frames");
    const nlohmann::json chunk = readJson(dir.file("chunk.json")).at("repairs").at("dust").at("frames");
    // Only the chunk's own frames: the context frames it made on the way are the other chunks'.
    ASSERT_EQ(chunk.size(), 3u) << chunk.dump();
    for (int i = 0; i < 3; ++i) EXPECT_EQ(chunk[i], whole[3 + i]);
}

TEST_F(RepairStats, AGradeThatRepairsNothingSaysNoRepairs) {
    std::ofstream(dir.file("cdl.json")) << R"({"tinct_grade": 2, "nodes": [{"id": "c", "type": "cdl", "params": {"slope": [1.1, 1, 1]}}]})";
    const RunResult r = runTinct({"render", "-i", dir.file("scan.####.exr"), "--grade", dir.file("cdl.json"), "--frames", "0-1", "-o",
                                  dir.file("cdl/f.####.exr"), "--stats", dir.file("cdl_stats.json")});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(readJson(dir.file("cdl_stats.json")).at("repairs"), nlohmann::json::object());
}

}  // namespace
