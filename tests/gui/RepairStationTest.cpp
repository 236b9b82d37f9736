// The station shows what a cleaning grade repaired: the clip bar counts each frame's repairs in the
// background and jumps to the next frame that has some, and the viewer's Repairs box lays the
// repairs over the picture; an edit marks the counts as of the grade before it. The Motion box draws
// the motion service's field, checked against the film's known pan. Checked against the dust node's repair matte rendered through the
// command line as EXR (read with OpenEXR, counted by flood fill), on film whose blotches are in some
// frames only, so a jump that merely steps a frame cannot pass.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>

#include <ImfHeader.h>
#include <nlohmann/json.hpp>

#include "tests/gui/StationHarness.h"
#include "tests/support/ExrOracle.h"
#include "tests/support/JobFiles.h"
#include "tests/support/RegionCount.h"
#include "tests/support/RunTinct.h"
#include "tests/support/SyntheticFilm.h"

namespace tinct::test {
namespace {

constexpr int kFrames = 8;

// Strongly red on screen: the overlay's tint; the film's greys and browns are far from it.
bool red(const std::array<int, 3>& p) { return p[0] - std::max(p[1], p[2]) > 60; }

TEST(Station, CountsRepairsPerFrameJumpsToTheNextRepairedFrameAndOverlaysTheRepairsAndTheMotion) {
    TempDir dir;
    FilmSettings s;
    s.frames = kFrames, s.cut = -1;
    Film film = makeFilm(s);
    addBlotches(film, 0.006, 6, 5);
    for (int n : {1, 2, 5}) film.damaged[n] = film.clean[n];  // frames without blotches
    for (const auto& [n, frame] : film.damaged)
        writeExrWithOpenExr(frameName(dir.file("f.####.exr"), int(n)), Imf::Header(frame.width, frame.height), frame.rgba);
    writeText(dir.file("dust.json"), R"({"tinct_grade": 2, "nodes": [{"id": "dust", "type": "dust"}]})");
    writeText(dir.file("matte.json"), R"({"tinct_grade": 2, "nodes": [{"id": "dust", "type": "dust", "params": {"view": "matte"}}]})");
    // The station grades in the working space (ACEScct, the source taken as linear Rec.709 by its
    // chromaticities); the matte is rendered there too and written in it, as the values it has.
    const RunResult r = runTinct({"render", "-i", dir.file("f.####.exr"), "--grade", dir.file("matte.json"), "--input-colorspace",
                                  "auto", "--output-colorspace", "ACEScct", "-o", dir.file("matte/m.####.exr")});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    std::vector<Regions> regions;
    std::vector<ExrPixels> mattes;
    for (int n = 0; n < kFrames; ++n) {
        mattes.push_back(readExrWithOpenExr(frameName(dir.file("matte/m.####.exr"), n)));
        regions.push_back(countRegions(matteMask(mattes.back()), s.width, s.height));
    }
    auto nextRepaired = [&](int from) {
        for (int n = from + 1; n < kFrames; ++n)
            if (regions[n].regions > 0) return n;
        return -1;
    };
    const int first = nextRepaired(0), second = nextRepaired(first);
    // The film's clean frames 1 and 2 must be passed over (their matte is empty) for the test to
    // tell a jump from a step.
    ASSERT_GT(first, 1) << "the matte repairs clean frames 1 and 2";
    ASSERT_GT(second, first);

    writeText(dir.file("actions.json"), R"([
        {"action": "select", "node": "dust"},
        {"action": "count_repairs"}, {"action": "wait_repairs"},
        {"action": "frame", "index": 0}, {"action": "next_repair"}, {"action": "wait", "frames": 2},
        {"action": "dump_layout", "path": "first.json"},
        {"action": "next_repair"}, {"action": "zoom", "mode": "1:1"}, {"action": "wait", "frames": 3},
        {"action": "screenshot", "path": "plain.png"},
        {"action": "repair_overlay", "on": true}, {"action": "wait", "frames": 3},
        {"action": "screenshot", "path": "overlay.png"}, {"action": "dump_layout", "path": "overlay.json"},
        {"action": "set_param", "node": "dust", "param": "sensitivity", "value": 0.7}, {"action": "wait", "frames": 2},
        {"action": "dump_layout", "path": "edited.json"},
        {"action": "repair_overlay", "on": false}, {"action": "motion_overlay", "on": true}, {"action": "wait", "frames": 3},
        {"action": "screenshot", "path": "motion.png"}, {"action": "dump_layout", "path": "motion.json"}
    ])");
    ASSERT_EQ(runStation("f.####.exr --grade dust.json --script actions.json", dir, true, StationScreen{1000, 760}), 0);

    const nlohmann::json counted = readJson(dir.file("first.json"));
    EXPECT_EQ(counted.at("frame_index").get<int>(), first);
    for (int n = 0; n < kFrames; ++n)
        EXPECT_EQ(counted.at("repair_counts").at(std::to_string(n)).get<uint64_t>(), regions[n].regions) << "frame " << n;
    EXPECT_FALSE(counted.at("repairs_stale").get<bool>());

    const nlohmann::json layout = readJson(dir.file("overlay.json"));
    ASSERT_EQ(layout.at("frame_index").get<int>(), second);
    ASSERT_EQ(layout.at("viewer").at("scale").get<float>(), 1.0f);
    const int areaX = layout["viewer"]["area"][0], areaY = layout["viewer"]["area"][1];
    const int originX = int(std::lround(layout["viewer"]["origin"][0].get<float>()));
    const int originY = int(std::lround(layout["viewer"]["origin"][1].get<float>()));
    const Png plain = readPng(dir.file("plain.png")), overlay = readPng(dir.file("overlay.png"));
    ASSERT_GT(overlay.width, 0);
    const ExrPixels& matte = mattes[size_t(second)];
    int matted = 0, redOnMatte = 0, redElsewhere = 0, redBefore = 0;
    for (int y = 0; y < s.height; ++y)
        for (int x = 0; x < s.width; ++x) {
            const int wx = areaX + x - originX, wy = areaY + y - originY;
            ASSERT_TRUE(wx >= 0 && wy >= 0 && wx < overlay.width && wy < overlay.height) << "the image is not all in view";
            const float m = matte.rgba[(size_t(y) * s.width + x) * 4];
            matted += m > 0.5f;
            redBefore += red(plain.at(wx, wy));
            redOnMatte += m > 0.5f && red(overlay.at(wx, wy));
            redElsewhere += m == 0.0f && red(overlay.at(wx, wy));
        }
    EXPECT_EQ(redBefore, 0);  // the criterion sees no red in the film itself
    ASSERT_GT(matted, 0);
    // The overlay tints in proportion to the matte: its fully matted pixels turn red; a soft edge
    // (matte 0.5 or less) may stay short of the criterion, and nothing outside the matte turns red.
    EXPECT_GE(redOnMatte, matted * 9 / 10) << redOnMatte << " of " << matted;
    EXPECT_EQ(redElsewhere, 0);
    // An edit leaves the counts in place, said to be of the grade before it.
    const nlohmann::json edited = readJson(dir.file("edited.json"));
    EXPECT_TRUE(edited.at("repairs_stale").get<bool>());
    EXPECT_EQ(edited.at("repair_counts"), counted.at("repair_counts"));

    // The motion overlay: the film's background pans by (panX, panY) a frame, so the blocks the field
    // back agrees with (most of the picture; the object and the blotches move otherwise) say so.
    const nlohmann::json motion = readJson(dir.file("motion.json")).at("motion");
    EXPECT_EQ(motion.at("from").get<int>(), second);
    std::vector<double> dx, dy;
    for (const auto& b : motion.at("blocks"))
        if (b[4].get<double>() <= 1.0 && b[0] > 16 && b[1] > 16 && b[0] < s.width - 16 && b[1] < s.height - 16)
            dx.push_back(b[2]), dy.push_back(b[3]);
    ASSERT_GE(dx.size(), 20u);
    std::nth_element(dx.begin(), dx.begin() + dx.size() / 2, dx.end());
    std::nth_element(dy.begin(), dy.begin() + dy.size() / 2, dy.end());
    // A quarter-pixel field with sub-quarter refinement: 0.1 pixel.
    EXPECT_NEAR(dx[dx.size() / 2], s.panX, 0.1);
    EXPECT_NEAR(dy[dy.size() / 2], s.panY, 0.1);
    const Png arrows = readPng(dir.file("motion.png"));
    const int x0 = areaX, y0 = areaY, x1 = areaX + layout["viewer"]["area"][2].get<int>(), y1 = areaY + layout["viewer"]["area"][3].get<int>();
    EXPECT_GT(countNear(arrows, x0, y0, x1, y1, {60, 255, 90}, 40), 100);  // arrows drawn
    EXPECT_EQ(countNear(overlay, x0, y0, x1, y1, {60, 255, 90}, 40), 0);   // and only with the box on
}

}  // namespace
}  // namespace tinct::test
