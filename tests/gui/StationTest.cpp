// The station tested as a person sees it: the real `tinct gui` in a window under Xvfb (on lavapipe
// where there is no GPU), with the validation layer on, driven by --script and checked through
// --screenshot. The lavapipe runs are slow, so each test does several checks on one run.
#include <gtest/gtest.h>
#include <png.h>
#include <sys/wait.h>

#include <OpenColorIO/OpenColorIO.h>

#include <array>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <thread>

#include "engine/graph/Grade.h"
#include "tests/gui/StationHarness.h"
#include "tests/support/ExrOracle.h"
#include "tests/support/TempDir.h"

namespace OCIO = OCIO_NAMESPACE;

namespace tinct::test {
namespace {

TEST(Station, ViewerShowsTheGradedImageWipedAgainstTheSourceWithNodesAndScopes) {
    TempDir dir;
    const std::array<float, 3> source{0.18f, 0.12f, 0.06f};
    writeFlatExr(dir.file("flat.exr"), source);
    writeText(dir.file("actions.json"), R"([
        {"action": "add_node", "type": "cdl"},
        {"action": "set_param", "param": "slope", "value": [1.3, 1.0, 0.7]},
        {"action": "wipe", "on": true, "position": 0.5},
        {"action": "scope", "kind": "parade"},
        {"action": "wait", "frames": 2}
    ])");
    ASSERT_EQ(runStation("flat.exr --input-colorspace ACES2065-1 --display sRGB --script actions.json "
                         "--screenshot shot.png --frames 2",
                         dir),
              0);
    const Png png = readPng(dir.file("shot.png"));
    ASSERT_EQ(png.width, kWindowW);
    ASSERT_EQ(png.height, kWindowH);

    // The layout is fixed for a window size: the 64x36 image fits the viewer (x 0..396, y ~66..212)
    // with the wipe at its middle (x ~198): graded on the left, the source through the same display
    // transform on the right. Tolerance: 2 code values of 255, for OCIO's GPU shader (LUT-based
    // approximations of some ops) against its CPU path, and the 8-bit rounding of each.
    const auto graded = expectedDisplay(source, std::array<double, 3>{1.3, 1.0, 0.7});
    const auto ungraded = expectedDisplay(source, std::nullopt);
    for (auto [x, expected] : {std::pair{120, graded}, std::pair{280, ungraded}}) {
        const auto c = png.at(x, 140);
        for (int ch = 0; ch < 3; ++ch)
            EXPECT_NEAR(c[ch], code(expected[ch]), 2) << "viewer at x " << x << " channel " << ch;
    }
    // The grade changed the picture: the two sides differ (the slope makes red and blue move apart).
    EXPECT_GT(std::abs(png.at(120, 140)[0] - png.at(280, 140)[0]), 5);

    // The node editor (x 0..396, y 304..400) shows the added node, selected: its outline colour.
    EXPECT_GT(countNear(png, 0, 304, 396, 400, {255, 200, 60}, 10), 40);
    // The scopes panel (x 396..640, y 217..400) shows a trace: a flat image gives each parade
    // channel one bright level, so some pixels are far brighter than the dark scope background.
    int bright = 0;
    for (int y = 250; y < 398; ++y)
        for (int x = 400; x < 636; ++x) {
            const auto c = png.at(x, y);
            if (std::max({c[0], c[1], c[2]}) > 180) ++bright;
        }
    EXPECT_GT(bright, 10);
}

TEST(Station, ScriptedSessionEditsUndoesSavesAndReopensToTheSameGrade) {
    TempDir dir;
    writeText(dir.file("edit.json"), R"([
        {"action": "add_node", "type": "primaries"},
        {"action": "set_param", "param": "saturation", "value": 1.25},
        {"action": "move_wheel", "param": "gain", "rgbm": [1.1, 1.0, 0.9, 1.0]},
        {"action": "add_node", "type": "cdl"},
        {"action": "undo"},
        {"action": "undo"},
        {"action": "redo"},
        {"action": "add_parallel", "node": "n1", "type": "cdl"},
        {"action": "add_matte", "type": "window"},
        {"action": "set_param", "param": "shape", "value": "rectangle"},
        {"action": "save"}
    ])");
    ASSERT_EQ(runStation("--sample-width 160 --sample-height 90 --grade g.json --script edit.json", dir), 0);
    const Grade saved = loadGrade(dir.file("g.json"));
    ASSERT_EQ(saved.nodes.size(), 4u);  // the first cdl was undone; primaries, a parallel cdl, its mixer, a window
    EXPECT_EQ(saved.nodes[0].type, "primaries");
    EXPECT_EQ(saved.outputNode()->type, "parallel_mixer");
    ASSERT_NE(saved.find("n2"), nullptr);
    EXPECT_EQ(saved.find("n2")->matte, "n4");
    EXPECT_EQ(saved.find("n4")->params.text("shape"), "rectangle");
    EXPECT_EQ(saved.nodes[0].params.number("saturation"), 1.25);
    EXPECT_EQ(saved.nodes[0].params.rgbm("gain"), (std::array<double, 4>{1.1, 1.0, 0.9, 1.0}));  // undone, then redone
    EXPECT_FALSE(std::filesystem::exists(dir.file("g.json.autosave")));  // a clean exit removes it

    writeText(dir.file("reopen.json"), R"([{"action": "save", "path": "again.json"}])");
    ASSERT_EQ(runStation("--sample-width 160 --sample-height 90 --grade g.json --script reopen.json", dir), 0);
    EXPECT_EQ(loadGrade(dir.file("again.json")), saved);
}

TEST(Station, KilledSessionIsRecoveredFromItsAutosave) {
    TempDir dir;
    writeText(dir.file("edit.json"), R"([
        {"action": "add_node", "type": "primaries"},
        {"action": "set_param", "param": "saturation", "value": 0.5},
        {"action": "hold"}
    ])");
    // The session edits, then holds; once its autosave is there it is killed with SIGKILL, which no
    // clean-up can catch.
    const std::string killed =
        "cd " + quote(dir.path().string()) + " && TINCT_VALIDATION=1 xvfb-run -a sh -c '" + std::string(TINCT_BINARY) +
        " gui --window-width 640 --window-height 400 --sample-width 160 --sample-height 90 --grade g.json"
        " --script edit.json & pid=$!; for i in $(seq 600); do"
        " grep -q 0.5 g.json.autosave 2>/dev/null && break; sleep 0.1; done; kill -9 $pid; wait $pid; exit 0' > killed.log 2>&1";
    ASSERT_EQ(std::system(killed.c_str()), 0);
    ASSERT_TRUE(std::filesystem::exists(dir.file("g.json.autosave")));
    EXPECT_FALSE(std::filesystem::exists(dir.file("g.json")));  // never saved by hand

    writeText(dir.file("save.json"), R"([{"action": "save"}])");
    ASSERT_EQ(runStation("--sample-width 160 --sample-height 90 --grade g.json --recover --script save.json", dir), 0);
    const Grade recovered = loadGrade(dir.file("g.json"));
    ASSERT_EQ(recovered.nodes.size(), 1u);
    EXPECT_EQ(recovered.nodes[0].type, "primaries");
    EXPECT_EQ(recovered.nodes[0].params.number("saturation"), 0.5);
}

TEST(Station, StillsAreGrabbedWipedAgainstAndTheirGradeApplied) {
    TempDir dir;
    writeFlatExr(dir.file("flat.exr"), {0.18f, 0.12f, 0.06f});
    // A warm grade is grabbed as a still, the grade is cooled, and the wipe shows the still on its
    // right-hand side: the two halves differ. Applying the still's grade makes them equal again.
    writeText(dir.file("actions.json"), R"([
        {"action": "add_node", "type": "cdl"},
        {"action": "set_param", "param": "slope", "value": [1.3, 1.0, 0.7]},
        {"action": "grab_still"},
        {"action": "set_param", "param": "slope", "value": [0.7, 1.0, 1.3]},
        {"action": "wipe", "on": true, "position": 0.5},
        {"action": "wipe_still", "index": 1},
        {"action": "wait", "frames": 2},
        {"action": "screenshot", "path": "against.png"},
        {"action": "apply_still", "index": 1},
        {"action": "wait", "frames": 2},
        {"action": "screenshot", "path": "applied.png"},
        {"action": "save", "path": "g.json"}
    ])");
    ASSERT_EQ(runStation("flat.exr --input-colorspace ACES2065-1 --display sRGB --script actions.json", dir), 0);
    const Png against = readPng(dir.file("against.png")), applied = readPng(dir.file("applied.png"));
    auto differs = [](const Png& png) {
        const auto l = png.at(120, 140), r = png.at(280, 140);
        return std::max({std::abs(l[0] - r[0]), std::abs(l[1] - r[1]), std::abs(l[2] - r[2])});
    };
    EXPECT_GT(differs(against), 10);  // cool against the warm still
    EXPECT_LE(differs(applied), 1);   // the still's grade on both sides (8-bit rounding)
    EXPECT_EQ(applied.at(280, 140), against.at(280, 140));  // the still's side did not change
    EXPECT_EQ(loadGrade(dir.file("g.json")).nodes.front().params.rgbm("slope")[0], 1.3);
}

TEST(Station, RenderDialogWritesTheGradeAsTheViewerShowsIt) {
    TempDir dir;
    const std::array<float, 3> source{0.18f, 0.12f, 0.06f};
    writeFlatExr(dir.file("flat.exr"), source);
    writeText(dir.file("actions.json"), R"([
        {"action": "add_node", "type": "cdl"},
        {"action": "set_param", "param": "slope", "value": [1.3, 1.0, 0.7]},
        {"action": "render", "output": "out/graded.exr"},
        {"action": "wait_render"},
        {"action": "render", "output": "flat.exr"},
        {"action": "wait_render"}
    ])");
    // The second render would overwrite the source: refused, and the script fails on it.
    EXPECT_NE(runStation("flat.exr --input-colorspace ACES2065-1 --display sRGB --script actions.json", dir, false), 0);
    std::ifstream log(dir.file("station.log"));
    const std::string text((std::istreambuf_iterator<char>(log)), {});
    EXPECT_NE(text.find("flat.exr"), std::string::npos) << text;

    // The first wrote the display-referred grade: OCIO's CPU processor as the oracle, within 2e-4
    // (OCIO's GPU shader against its CPU path, as in the colour tests).
    const auto rgba = readExrWithOpenExr(dir.file("out/graded.exr")).rgba;
    ASSERT_EQ(rgba.size(), size_t(64 * 36 * 4));
    const auto expected = expectedDisplay(source, std::array<double, 3>{1.3, 1.0, 0.7});
    for (int c = 0; c < 3; ++c) EXPECT_NEAR(rgba[c], expected[c], 2e-4) << "channel " << c;
}

TEST(Station, GamutWarningMarksDisplayValuesOutsideTheRange) {
    TempDir dir;
    // Through the Raw view the display values are the source's: one negative component (outside
    // the gamut) must show cyan, values above 1 red; the CDL lifts the image above 1 on the wipe's
    // graded side only.
    writeFlatExr(dir.file("flat.exr"), {-0.1f, 0.2f, 0.3f});
    writeText(dir.file("actions.json"), R"([
        {"action": "gamut_warning", "on": true},
        {"action": "wait", "frames": 2},
        {"action": "screenshot", "path": "negative.png"},
        {"action": "add_node", "type": "cdl"},
        {"action": "set_param", "param": "offset", "value": [1.2, 1.2, 1.2]},
        {"action": "wait", "frames": 2},
        {"action": "screenshot", "path": "over.png"}
    ])");
    ASSERT_EQ(runStation("flat.exr --input-colorspace Raw --display sRGB --view Raw --script actions.json", dir), 0);
    EXPECT_EQ(readPng(dir.file("negative.png")).at(120, 140), (std::array<int, 3>{0, 255, 255}));
    EXPECT_EQ(readPng(dir.file("over.png")).at(120, 140), (std::array<int, 3>{255, 0, 0}));
}

TEST(Station, ShowsMoviesDecodedByTheEngine) {
    TempDir dir;
    // A flat FFV1 RGB movie made by the ffmpeg program; its own decode of the file to 8-bit RGB is
    // the oracle. Through the Raw view the viewer's code values must be the file's (+-1: the
    // 8-bit round trip through float).
    const std::string make = "cd " + quote(dir.path().string()) +
                             " && ffmpeg -v error -y -f lavfi -i color=c=0x804020:s=64x36:d=0.25:r=24 -c:v ffv1 -pix_fmt gbrp flat.mkv"
                             " && ffmpeg -v error -i flat.mkv -frames:v 1 -f rawvideo -pix_fmt rgb24 oracle.rgb";
    ASSERT_EQ(std::system(make.c_str()), 0);
    std::ifstream oracle(dir.file("oracle.rgb"), std::ios::binary);
    unsigned char rgb[3] = {};
    oracle.read(reinterpret_cast<char*>(rgb), 3);
    writeText(dir.file("actions.json"), R"([{"action": "frame", "index": 4}, {"action": "wait", "frames": 2},
        {"action": "screenshot", "path": "movie.png"}])");
    ASSERT_EQ(runStation("flat.mkv --input-colorspace Raw --display sRGB --view Raw --script actions.json", dir), 0);
    const auto shown = readPng(dir.file("movie.png")).at(120, 140);
    for (int c = 0; c < 3; ++c) EXPECT_NEAR(shown[c], rgb[c], 1) << "channel " << c;
}

}  // namespace
}  // namespace tinct::test
