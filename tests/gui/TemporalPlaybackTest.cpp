// The station plays a temporal grade: a median over three frames of a sequence whose frames are flat
// colours, played, paused and stepped back by script, each screenshot's viewer pixel checked against
// the command line's render of the same frame (both through OCIO's GPU shader; 8-bit code values, 1
// apart at most for the rounding of each), and frames read once each however the playhead moves.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>
#include <map>

#include <nlohmann/json.hpp>

#include "engine/io/ExrReader.h"
#include "tests/gui/StationHarness.h"
#include "tests/support/RunTinct.h"

namespace tinct::test {
namespace {

TEST(Station, PlaysATemporalGradeAndStepsBackWithoutReadingAgain) {
    TempDir dir;
    // Frames 1-16: a flat colour each, so the median of three neighbours is one of them, and which
    // one shows whether the right frames were its neighbours. Long enough that playing does not wrap.
    for (int n = 1; n <= 16; ++n) {
        char name[32];
        std::snprintf(name, sizeof name, "f.%04d.exr", n);
        writeFlatExr(dir.file(name), {0.05f + 0.04f * float((n * 7) % 16), 0.1f + 0.03f * float((n * 5) % 16), 0.3f});
    }
    writeText(dir.file("median.json"), R"({"tinct_grade": 2, "nodes": [
        {"id": "med", "type": "temporal_median", "params": {"radius": 1}}]})");
    writeText(dir.file("actions.json"), R"([
        {"action": "play"}, {"action": "wait", "frames": 3}, {"action": "pause"}, {"action": "wait", "frames": 2},
        {"action": "dump_layout", "path": "played.json"}, {"action": "screenshot", "path": "played.png"},
        {"action": "step", "by": -1}, {"action": "wait", "frames": 2},
        {"action": "dump_layout", "path": "back.json"}, {"action": "screenshot", "path": "back.png"}
    ])");
    const std::string colour = "--input-colorspace ACES2065-1 --display sRGB";
    ASSERT_EQ(runStation("f.####.exr --grade median.json " + colour + " --script actions.json --bench bench.json", dir), 0);
    const RunResult render = runTinct({"render", "-i", dir.file("f.####.exr"), "--grade", dir.file("median.json"),
                                       "--input-colorspace", "ACES2065-1", "--display", "sRGB", "--pixel-type", "float",
                                       "-o", dir.file("cli/f.####.exr")});
    ASSERT_EQ(render.exitCode, 0) << render.err;

    std::map<std::string, int> reads;
    auto check = [&](const std::string& name) {
        std::ifstream layoutFile(dir.file(name + ".json"));
        const auto layout = nlohmann::json::parse(layoutFile);
        const int index = layout.at("frame_index");
        reads[name] = layout.at("source_reads");
        char file[40];
        std::snprintf(file, sizeof file, "cli/f.%04d.exr", index + 1);
        const Frame cli = readExr(dir.file(file));
        const auto shown = readPng(dir.file(name + ".png")).at(120, 140);
        // The window's code values are the display values clamped to 0..1 (the ACES SDR output gives
        // below 0 for some of these saturated colours, out of the display's gamut).
        for (int c = 0; c < 3; ++c)
            EXPECT_NEAR(shown[size_t(c)], std::lround(std::clamp(cli.rgba[size_t(c)], 0.0f, 1.0f) * 255), 1)
                << name << " (frame index " << index << ") channel " << c;
        return index;
    };
    const int played = check("played");
    EXPECT_GE(played, 2) << "the clip did not play; station log:\n" << std::string(std::istreambuf_iterator<char>(std::ifstream(dir.file("station.log")).rdbuf()), {});
    EXPECT_EQ(check("back"), played - 1);
    // Playing reads each frame once, one ahead of the frame shown; stepping back reads none: the
    // frames it needs are kept (the median's inputs in the viewer's ring, the frames themselves).
    EXPECT_GE(reads["played"], played + 1);
    EXPECT_EQ(reads["back"], reads["played"]);
}

}  // namespace
}  // namespace tinct::test
