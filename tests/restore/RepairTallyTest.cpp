// Repairs counted as frames are made (engine/graph/RepairTally through the Evaluator, gathered per
// node by RepairLog: what `render --stats` and `restore report` say) against the repair mattes the
// nodes give as their matte view, rendered on their own and counted by flood fill in the test
// (tests/support/RegionCount). The two must agree exactly, frame by frame, for each repairing node
// and for nodes in a chain; and against the damage the test made, the counts must be of its order
// (the tolerances below say why they are not exact).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "engine/graph/Evaluator.h"
#include "engine/graph/FrameRunner.h"
#include "engine/graph/GradeCompiler.h"
#include "engine/render/RepairLog.h"
#include "tests/support/FilmRender.h"
#include "tests/support/GpuFixture.h"
#include "tests/support/MemorySource.h"
#include "tests/support/RegionCount.h"
#include "tests/support/SyntheticFilm.h"

using namespace tinct;
using namespace tinct::test;

namespace {

std::string grade(const std::string& nodes) { return R"({"tinct_grade": 2, "nodes": [)" + nodes + "]}"; }

// Per node, per frame: the repairs counted while the grade made each frame, in order.
std::map<std::string, std::vector<FrameRepairs>> countedRepairs(GpuContext& gpu, const std::string& json, const Film& film) {
    MemorySource source(film.damaged);
    if (film.settings.cut >= 0) source.setCuts({film.settings.cut});
    StepNodes nodes;
    Evaluator evaluator(gpu, compileGrade(gradeFromJson(nlohmann::json::parse(json), "test"), "", &nodes), source);
    FrameRunner runner(gpu, evaluator, source);
    std::map<int64_t, int> numbers;
    for (int n = 0; n < film.settings.frames; ++n) numbers[n] = n;
    RepairLog log(nodes, numbers);
    RepairTally tally(gpu, log.steps());
    for (int n = 0; n < film.settings.frames; ++n) {
        runner.run(n, &tally);
        log.add(tally);
    }
    return log.byNode();
}

// The regions of a matte view (> 0), frame by frame.
std::vector<Regions> matteRegions(GpuContext& gpu, const std::string& json, const Film& film) {
    std::vector<Regions> out;
    for (const auto& [n, frame] : renderFilm(gpu, json, film)) {
        std::vector<uint8_t> mask(frame.pixelCount());
        for (size_t p = 0; p < mask.size(); ++p) mask[p] = frame.rgba[4 * p] > 0.0f;
        out.push_back(countRegions(mask, frame.width, frame.height));
    }
    return out;
}

void expectCountsAreTheMattes(const std::vector<FrameRepairs>& counted, const std::vector<Regions>& mattes) {
    ASSERT_EQ(counted.size(), mattes.size());
    for (size_t n = 0; n < counted.size(); ++n) {
        EXPECT_EQ(counted[n].frame, int(n));
        EXPECT_EQ(counted[n].count.repairs, mattes[n].regions) << "frame " << n;
        EXPECT_EQ(counted[n].count.area, mattes[n].pixels) << "frame " << n;
    }
}

// The regions of the damage the film was given, frame by frame.
std::vector<Regions> damageRegions(const Film& film) {
    std::vector<Regions> out;
    for (const auto& [n, damage] : film.damage) {
        std::vector<uint8_t> mask(damage.size());
        for (size_t p = 0; p < mask.size(); ++p) mask[p] = damage[p] > 0.0f;
        out.push_back(countRegions(mask, film.settings.width, film.settings.height));
    }
    return out;
}

// A shot's first or last frame.
bool shotEnd(const Film& film, int n) {
    const int cut = film.settings.cut, last = film.settings.frames - 1;
    return n == 0 || n == last || n == cut || n == cut - 1;
}

class RepairTallyTest : public GpuFixture {};

TEST_F(RepairTallyTest, DustCountsTheBlotchesItsMatteRepairs) {
    Film film = makeFilm({});
    addBlotches(film, 0.006, 8, 21);
    const auto counted = countedRepairs(gpu(), grade(R"({"id": "d", "type": "dust"})"), film);
    ASSERT_EQ(counted.size(), 1u);
    expectCountsAreTheMattes(counted.at("d"), matteRegions(gpu(), grade(R"({"id": "d", "type": "dust", "params": {"view": "matte"}})"), film));
    // Against the blotches laid, in the frames with neighbours on both sides (a shot's first and
    // last frames have them on one side only: CleanFilmCountsNoRepairs says what that costs): each
    // repair grows its blotch by grow + 1 pixels, so blotches a few pixels apart become one repair,
    // and a blotch faint against the picture under it may be missed. Measured: 48 repairs of 51
    // blotches; a count that found a fifth fewer, or more than two that were not laid, fails.
    uint64_t repairs = 0, blotches = 0;
    const auto laid = damageRegions(film);
    for (size_t n = 0; n < laid.size(); ++n) {
        if (shotEnd(film, int(n))) continue;
        repairs += counted.at("d")[n].count.repairs, blotches += laid[n].regions;
    }
    EXPECT_GE(repairs, blotches * 4 / 5);
    EXPECT_LE(repairs, blotches + 2);
}

TEST_F(RepairTallyTest, DeadPixelsCountTheDefectsInEveryFrame) {
    Film film = makeFilm({});
    addFixedDefects(film, 20, 4);
    const auto counted = countedRepairs(gpu(), grade(R"({"id": "p", "type": "dead_pixels"})"), film);
    expectCountsAreTheMattes(counted.at("p"),
                             matteRegions(gpu(), grade(R"({"id": "p", "type": "dead_pixels", "params": {"view": "matte"}})"), film));
    // Fixed defects, 8 pixels apart: each one repair, found in every frame, and no more than one
    // elsewhere: in the second shot, of five frames (four of which must agree), a pixel on the
    // moving object's edge stands out in four and is taken for a defect (one pixel, filled from
    // its neighbours).
    for (const auto& f : counted.at("p")) {
        EXPECT_GE(f.count.repairs, 20u) << "frame " << f.frame;
        EXPECT_LE(f.count.repairs, 21u) << "frame " << f.frame;
    }
}

TEST_F(RepairTallyTest, ANodeAfterAnotherIsCountedOnWhatTheFirstRepaired) {
    Film film = makeFilm({});
    addScratches(film, 3, 2);
    addBlotches(film, 0.004, 6, 9);
    const std::string dust = R"({"id": "d", "type": "dust"})";
    const auto counted = countedRepairs(gpu(), grade(dust + R"(, {"id": "s", "type": "scratch", "inputs": ["d"]})"), film);
    ASSERT_EQ(counted.size(), 2u);
    expectCountsAreTheMattes(counted.at("d"), matteRegions(gpu(), grade(R"({"id": "d", "type": "dust", "params": {"view": "matte"}})"), film));
    expectCountsAreTheMattes(
        counted.at("s"),
        matteRegions(gpu(), grade(dust + R"(, {"id": "s", "type": "scratch", "inputs": ["d"], "params": {"view": "matte"}})"), film));
    for (const auto& f : counted.at("s")) EXPECT_GE(f.count.repairs, 3u) << "frame " << f.frame;
}

TEST_F(RepairTallyTest, CleanFilmCountsNoRepairs) {
    const Film film = makeFilm({});  // damaged as it is clean
    const auto counted = countedRepairs(gpu(), grade(R"({"id": "d", "type": "dust"}, {"id": "p", "type": "dead_pixels", "inputs": ["d"]})"), film);
    // dead_pixels repairs nothing; dust nothing in a frame with neighbours on both sides. At a shot's
    // first and last frames its neighbours are all on one side, where an occlusion by a moving
    // object cannot be told from a blotch (the picture there is in neither neighbour): measured 3
    // to 7 such repairs along the moving object's edges, at most 8 allowed.
    EXPECT_EQ(counted.size(), 2u);
    for (const auto& f : counted.at("p")) EXPECT_EQ(f.count.repairs, 0u) << "frame " << f.frame;
    for (const auto& f : counted.at("d")) EXPECT_LE(f.count.repairs, shotEnd(film, int(f.frame)) ? 8u : 0u) << "frame " << f.frame;
}

}  // namespace

namespace {

// A rebuilt frame is one repair over the whole frame; frames passed on are none. Nodes that change
// every pixel (deflicker, denoise) repair nothing and are not counted at all.
TEST_F(RepairTallyTest, FrameRepairCountsEachRebuiltFrameAndSmoothingNodesAreNotCounted) {
    Film film = makeFilm({});
    film.damaged = film.clean;
    for (size_t i = 0; i < film.damaged[4].rgba.size(); ++i) film.damaged[4].rgba[i] = i % 4 == 3 ? 1.0f : 0.0f;  // black
    const auto counted = countedRepairs(
        gpu(), grade(R"({"id": "fix", "type": "frame_repair", "params": {"frames": "2"}}, {"id": "dn", "type": "denoise", "inputs": ["fix"]})"), film);
    ASSERT_EQ(counted.size(), 1u);  // denoise is not a repairing node
    const uint64_t whole = uint64_t(film.settings.width) * film.settings.height;
    for (const auto& f : counted.at("fix")) {
        const bool rebuilt = f.frame == 2 || f.frame == 4;
        EXPECT_EQ(f.count.repairs, rebuilt ? 1u : 0u) << "frame " << f.frame;
        EXPECT_EQ(f.count.area, rebuilt ? whole : 0u) << "frame " << f.frame;
    }
}

}  // namespace
