// tinct grade new/show/validate and render --grade, as a user runs them.
#include <gtest/gtest.h>

#include <fstream>

#include <nlohmann/json.hpp>

#include "engine/graph/Grade.h"
#include "tests/support/CubeFiles.h"
#include "tests/support/RunTinct.h"
#include "tests/support/TempDir.h"

using namespace tinct;
using namespace tinct::test;

TEST(GradeCommand, NewShowValidate) {
    TempDir dir;
    const auto made = runTinct({"grade", "new", dir.file("g.json"), "--nodes", "primaries,cdl,soft_clip"});
    ASSERT_EQ(made.exitCode, 0) << made.err;
    EXPECT_EQ(loadGrade(dir.file("g.json")).nodes.size(), 3u);
    EXPECT_EQ(runTinct({"grade", "new", dir.file("g.json")}).exitCode, 1);  // no silent replacing
    const auto shown = runTinct({"grade", "show", dir.file("g.json")});
    ASSERT_EQ(shown.exitCode, 0) << shown.err;
    EXPECT_NE(shown.out.find("saturation"), std::string::npos);
    const auto valid = runTinct({"grade", "validate", dir.file("g.json")});
    EXPECT_EQ(valid.exitCode, 0) << valid.err;

    std::ofstream(dir.file("bad.json")) << R"({"tinct_grade": 1, "nodes": [{"id": "x", "type": "lut", "params": {"file": "missing.cube"}}]})";
    const auto invalid = runTinct({"grade", "validate", dir.file("bad.json")});
    EXPECT_EQ(invalid.exitCode, 1);
    EXPECT_NE(invalid.err.find("missing.cube"), std::string::npos) << invalid.err;
    EXPECT_NE(invalid.err.find("node 'x'"), std::string::npos) << invalid.err;
}

TEST(GradeCommand, TwelveCdlAndLutNodesRenderAsOneDispatch) {
    TempDir dir;
    writeCube3d(dir.file("a.cube"), 9);
    nlohmann::json nodes = nlohmann::json::array();
    for (int i = 0; i < 12; ++i) {
        nlohmann::json n = {{"id", "n" + std::to_string(i)}, {"inputs", {i == 0 ? "source" : "n" + std::to_string(i - 1)}}};
        if (i % 2) n["type"] = "lut", n["params"] = {{"file", "a.cube"}};
        else n["type"] = "cdl", n["params"] = {{"slope", {1.01, 1.0, 0.99}}};
        nodes.push_back(n);
    }
    std::ofstream(dir.file("twelve.json")) << nlohmann::json{{"tinct_grade", 1}, {"nodes", nodes}}.dump();
    ASSERT_EQ(runTinct({"sample", "-o", dir.file("s"), "--size", "128x72", "--count", "1"}).exitCode, 0);
    const auto r = runTinct({"render", "-i", dir.file("s/sample.1001.exr"), "-o", dir.file("out.exr"), "--grade",
                             dir.file("twelve.json"), "--stats", dir.file("stats.json")});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    std::ifstream stats(dir.file("stats.json"));
    EXPECT_EQ(nlohmann::json::parse(stats)["dispatches_per_frame"], 1);
}

TEST(GradeCommand, SpatialNodesRenderBetweenFusedRunsAndAreRefusedByBakeLut) {
    TempDir dir;
    std::ofstream(dir.file("g.json")) << R"({"tinct_grade": 1, "nodes": [
        {"id": "a", "type": "cdl", "params": {"slope": [1.1, 1, 0.9]}},
        {"id": "b", "type": "blur", "inputs": ["a"], "params": {"sigma": 1.5}},
        {"id": "c", "type": "soft_clip", "inputs": ["b"]}]})";
    ASSERT_EQ(runTinct({"sample", "-o", dir.file("s"), "--size", "160x90", "--count", "2"}).exitCode, 0);
    // Half in, half out: one fused run, the blur's two passes, one fused run.
    const auto r = runTinct({"render", "-i", dir.file("s/sample.####.exr"), "-o", dir.file("out/o.####.exr"), "--grade",
                             dir.file("g.json"), "--stats", dir.file("stats.json")});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    std::ifstream stats(dir.file("stats.json"));
    EXPECT_EQ(nlohmann::json::parse(stats)["dispatches_per_frame"], 4);
    const auto plan = runTinct({"render", "-i", dir.file("s/sample.####.exr"), "-o", dir.file("x.####.exr"), "--grade",
                                dir.file("g.json"), "--explain"});
    EXPECT_NE(plan.out.find("kernel 3"), std::string::npos) << plan.out;

    const auto refused = runTinct({"bake-lut", "--grade", dir.file("g.json"), "-o", dir.file("g.cube")});
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_NE(refused.err.find("--ignore-spatial"), std::string::npos) << refused.err;
    const auto baked = runTinct({"bake-lut", "--grade", dir.file("g.json"), "-o", dir.file("g.cube"), "--ignore-spatial", "--size", "9"});
    EXPECT_EQ(baked.exitCode, 0) << baked.err;
}

TEST(GradeCommand, GraphGradesWithMattesAndMixersRenderShowAndBake) {
    TempDir dir;
    std::ofstream(dir.file("g.json")) << R"({"tinct_grade": 2, "output": "out", "nodes": [
        {"id": "base", "type": "cdl", "params": {"slope": [1.1, 1, 0.9]}},
        {"id": "key", "type": "qualifier", "inputs": ["base"], "params": {"mode": "luma", "lum_low": 0.5, "lum_high": 100}},
        {"id": "vignette", "type": "window", "matte": "key", "params": {"size": 0.9, "aspect": 1.6, "outer_soft": 0.2}},
        {"id": "lift", "type": "cdl", "inputs": ["base"], "matte": "vignette", "params": {"offset": [0.02, 0.02, 0.02]}},
        {"id": "out", "type": "layer_mixer", "inputs": ["base", "lift"], "params": {"mode": "screen"}}]})";
    ASSERT_EQ(runTinct({"sample", "-o", dir.file("s"), "--size", "96x54", "--count", "1"}).exitCode, 0);
    const auto r = runTinct({"render", "-i", dir.file("s/sample.1001.exr"), "-o", dir.file("out.exr"), "--grade",
                             dir.file("g.json"), "--stats", dir.file("stats.json")});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    std::ifstream stats(dir.file("stats.json"));
    EXPECT_EQ(nlohmann::json::parse(stats)["dispatches_per_frame"], 1);  // keys, window and mixer fuse with the rest

    const auto shown = runTinct({"grade", "show", dir.file("g.json")});
    EXPECT_NE(shown.out.find("matte key"), std::string::npos) << shown.out;
    const auto refused = runTinct({"bake-lut", "--grade", dir.file("g.json"), "-o", dir.file("g.cube")});
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_NE(refused.err.find("depends on where the pixel is"), std::string::npos) << refused.err;
    EXPECT_EQ(runTinct({"bake-lut", "--grade", dir.file("g.json"), "-o", dir.file("g.cube"), "--ignore-spatial", "--size", "9"}).exitCode, 0);
}
