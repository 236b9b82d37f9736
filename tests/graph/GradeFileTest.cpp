// Grade files: what a person writes by hand, read and written back, and every way one can be wrong.
#include <gtest/gtest.h>

#include <fstream>

#include "engine/Error.h"
#include "engine/graph/Grade.h"
#include "tests/support/TempDir.h"

using namespace tinct;
using namespace tinct::test;

namespace {

void expectError(const std::string& json, const std::string& mustSay) {
    try {
        gradeFromJson(nlohmann::json::parse(json), "grade look.json");
        FAIL() << "accepted: " << json;
    } catch (const Error& e) {
        const std::string message = e.what();
        EXPECT_NE(message.find("look.json"), std::string::npos) << message;
        EXPECT_NE(message.find(mustSay), std::string::npos) << message;
    }
}

}  // namespace

TEST(GradeFile, ReadsWhatAPersonWritesWithDefaultsForTheRest) {
    const auto g = gradeFromJson(nlohmann::json::parse(R"({"tinct_grade": 1, "nodes": [
        {"id": "balance", "type": "primaries", "label": "balance", "params": {"style": "lin", "exposure": [0.1, 0, -0.1, 0.5]}},
        {"id": "look", "type": "cdl", "inputs": ["balance"], "params": {"slope": [1.1, 1, 0.9]}, "opacity": 0.5},
        {"id": "roll", "type": "soft_clip", "inputs": ["look"], "bypass": true}]})"),
                                 "grade look.json");
    ASSERT_EQ(g.nodes.size(), 3u);
    EXPECT_EQ(g.nodes[0].params.text("style"), "lin");
    EXPECT_EQ(g.nodes[0].params.rgbm("exposure")[3], 0.5);
    EXPECT_EQ(g.nodes[0].params.rgbm("contrast")[0], 1.0);  // default
    EXPECT_EQ(g.nodes[1].opacity, 0.5);
    EXPECT_TRUE(g.nodes[2].bypass);
    const auto chain = g.order();
    ASSERT_EQ(chain.size(), 3u);
    EXPECT_EQ(chain.front()->id, "balance");
    EXPECT_EQ(chain.back()->id, "roll");
}

TEST(GradeFile, SavesAndLoadsBackEqual) {
    TempDir dir;
    const auto g = gradeFromJson(nlohmann::json::parse(R"({"tinct_grade": 1, "output": "b", "nodes": [
        {"id": "a", "type": "channel_mixer", "params": {"red": [0.9, 0.1, 0]}},
        {"id": "b", "type": "lut", "inputs": ["a"], "params": {"file": "show.cube", "interpolation": "trilinear"}, "label": "show"}]})"),
                                 "test");
    saveGrade(dir.file("g.json"), g);
    EXPECT_EQ(loadGrade(dir.file("g.json")), g);
    EXPECT_EQ(dir.entries(), std::vector<std::string>{"g.json"});  // no temporary left
}

TEST(GradeFile, MalformedFilesNameTheFileTheNodeAndTheField) {
    expectError(R"({"tinct_grade": 1, "nodes": [{"id": "a", "type": "glow"}]})", "unknown node type 'glow'");
    expectError(R"({"tinct_grade": 1, "nodes": [{"id": "a", "type": "cdl", "inputs": ["b"]}, {"id": "b", "type": "cdl", "inputs": ["a"]}]})",
                "cycle");
    expectError(R"({"tinct_grade": 1, "nodes": [{"id": "a", "type": "cdl", "inputs": ["ghost"]}]})", "'ghost'");
    expectError(R"({"tinct_grade": 1, "nodes": [{"id": "a", "type": "cdl", "params": {"saturation": 500}}]})",
                "node 'a' (cdl): params.saturation: 500 is outside 0 .. 100");
    expectError(R"({"tinct_grade": 1, "nodes": [{"id": "a", "type": "cdl", "params": {"slope": "bright"}}]})",
                "params.slope: expected an array of 3 numbers");
    expectError(R"({"tinct_grade": 1, "nodes": [{"id": "a", "type": "cdl", "params": {"slope": [1, 1]}}]})", "params.slope");
    expectError(R"({"tinct_grade": 1, "nodes": [{"id": "a", "type": "cdl", "params": {"style": "loud"}}]})",
                "'loud' is not one of no-clamp, asc");
    expectError(R"({"tinct_grade": 1, "nodes": [{"id": "a", "type": "cdl", "params": {"slop": [1, 1, 1]}}]})",
                "params.slop: no such parameter");
    expectError(R"({"tinct_grade": 1, "nodes": [{"id": "a", "type": "cdl"}, {"id": "a", "type": "clamp"}]})", "used twice");
    expectError(R"({"tinct_grade": 1, "nodes": [{"id": "a", "type": "cdl", "opacity": 2}]})", "opacity");
    expectError(R"({"tinct_grade": 1, "nodes": [{"type": "cdl"}]})", "missing \"id\"");
    expectError(R"({"tinct_grade": 1, "nodes": [{"id": 7, "type": "cdl"}]})", "\"id\" must be a string");
    expectError(R"({"tinct_grade": 9, "nodes": []})", "version 9");
    expectError(R"({"nodes": []})", "missing \"tinct_grade\"");
    expectError(R"({"tinct_grade": 1, "nodes": {}})", "\"nodes\" must be an array");
    expectError(R"({"tinct_grade": 1, "output": "z", "nodes": [{"id": "a", "type": "cdl"}]})", "output 'z'");
    expectError(R"({"tinct_grade": 1, "nodes": [{"id": "a", "type": "cdl"}, {"id": "b", "type": "cdl", "inputs": ["a", "source"]}]})",
                "node 'b' (cdl) has 2 inputs; it takes 1");
    expectError(R"({"tinct_grade": 2, "nodes": [{"id": "a", "type": "cdl"}, {"id": "m", "type": "parallel_mixer", "inputs": ["a"]}]})",
                "node 'm' (parallel_mixer) has 1 inputs; it takes 2 to 8");
    expectError(R"({"tinct_grade": 2, "nodes": [{"id": "a", "type": "cdl"}, {"id": "b", "type": "cdl", "inputs": ["a"], "matte": "a"}]})",
                "takes its matte from 'a', a cdl node");
    expectError(R"({"tinct_grade": 2, "nodes": [{"id": "a", "type": "cdl", "matte": "q"}, {"id": "q", "type": "qualifier", "inputs": ["a"]}], "output": "a"})",
                "cycle");
    expectError(R"({"tinct_grade": 2, "nodes": [{"id": "a", "type": "cdl", "matte": "nowhere"}]})", "'nowhere'");

    TempDir dir;
    std::ofstream(dir.file("broken.json")) << "{\"tinct_grade\": 1, \"nodes\": [";
    EXPECT_THROW(loadGrade(dir.file("broken.json")), Error);
    try {
        loadGrade(dir.file("absent.json"));
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("absent.json"), std::string::npos);
    }
}
