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

// OCIO's CPU processor for one transform, and the pieces of the node-editor test's oracle: into the
// working space (ACEScct), an ASC CDL there, and out through the sRGB display's default view.
std::array<float, 3> applyOcio(const OCIO::ConstTransformRcPtr& transform, std::array<float, 3> rgb) {
    static const auto config = OCIO::Config::CreateFromFile(TINCT_SOURCE_DIR "/luts/config.ocio");
    config->getProcessor(transform)->getDefaultCPUProcessor()->applyRGB(rgb.data());
    return rgb;
}

std::array<float, 3> toWorking(std::array<float, 3> rgb) {
    auto t = OCIO::ColorSpaceTransform::Create();
    t->setSrc("ACES2065-1");
    t->setDst("ACEScct");
    return applyOcio(t, rgb);
}

std::array<float, 3> cdl(std::array<float, 3> rgb, std::array<double, 3> slope, std::array<double, 3> offset, double saturation) {
    auto t = OCIO::CDLTransform::Create();
    t->setSlope(slope.data());
    t->setOffset(offset.data());
    t->setSat(saturation);
    t->setStyle(OCIO::CDL_NO_CLAMP);
    return applyOcio(t, rgb);
}

std::array<float, 3> toDisplay(std::array<float, 3> rgb) {
    auto config = OCIO::Config::CreateFromFile(TINCT_SOURCE_DIR "/luts/config.ocio");
    auto t = OCIO::DisplayViewTransform::Create();
    t->setSrc("ACEScct");
    t->setDisplay("sRGB");
    t->setView(config->getDefaultView("sRGB"));
    return applyOcio(t, rgb);
}

std::array<int, 3> codes(std::array<float, 3> display) { return {code(display[0]), code(display[1]), code(display[2])}; }

GradeNode cdlNode(const std::string& id, std::vector<std::string> inputs, std::array<double, 3> slope,
                  std::array<double, 3> offset, double saturation) {
    GradeNode n = makeNode("cdl", id);
    n.inputs = std::move(inputs);
    n.params.set("slope", std::array<double, 4>{slope[0], slope[1], slope[2], 0});
    n.params.set("offset", std::array<double, 4>{offset[0], offset[1], offset[2], 0});
    n.params.set("saturation", saturation);
    return n;
}

TEST(Station, NodeEditorDragsReorderConnectAndLimitNodesAsTheViewerShows) {
    TempDir dir;
    const std::array<float, 3> source{0.18f, 0.12f, 0.06f};
    writeFlatExr(dir.file("flat.exr"), source);
    // A chain of three whose order matters (saturation before an offset is not the offset before
    // it), into a parallel mixer beside a second branch; a third branch not connected yet, and a
    // gradient window (the frame's top half) not limiting anything yet.
    const std::array<double, 3> one{1, 1, 1}, none{0, 0, 0};
    Grade start;
    start.nodes = {cdlNode("n1", {kSourceInput}, one, none, 0.5),
                   cdlNode("n2", {"n1"}, one, {0.1, 0.05, 0.0}, 1),
                   cdlNode("n3", {"n2"}, {1.3, 1.0, 0.7}, none, 1),
                   cdlNode("n4", {kSourceInput}, {0.9, 1.0, 1.1}, none, 1)};
    GradeNode mixer = makeNode("parallel_mixer", "n5");  // "add changes": each branch's change is added
    mixer.inputs = {"n3", "n4"};
    start.nodes.push_back(mixer);
    start.nodes.push_back(cdlNode("n6", {kSourceInput}, one, {0.0, 0.06, 0.0}, 1));
    GradeNode window = makeNode("window", "n7");
    window.params.set("shape", std::string("gradient"));  // 1 above the frame's middle, 0 below
    window.params.set("outer_soft", 0.0);
    start.nodes.push_back(window);
    start.output = "n5";
    saveGrade(dir.file("g.json"), start);

    // Only the mouse: (a) n1 dragged onto n2 goes after it; a refused drag (n3's output into n2,
    // which n3 now follows: a cycle); (b) n6's output into the mixer's spare slot; (c) the window's
    // output onto n3's matte pin; then a click selects n4, which is bypassed. The editor lays a changed graph out on the next frame, so each
    // drag is followed by two frames before the next one aims at the pins.
    writeText(dir.file("drag.json"), R"([
        {"action": "wait", "frames": 2},
        {"action": "drag", "from": {"node": "n1"}, "to": {"node": "n2"}},
        {"action": "wait", "frames": 2},
        {"action": "screenshot", "path": "reordered.png"},
        {"action": "drag", "from": {"node": "n3", "pin": "output"}, "to": {"node": "n2", "pin": "input 1"}},
        {"action": "wait", "frames": 2},
        {"action": "screenshot", "path": "refused.png"},
        {"action": "drag", "from": {"node": "n6", "pin": "output"}, "to": {"node": "n5", "pin": "input 3"}},
        {"action": "wait", "frames": 2},
        {"action": "drag", "from": {"node": "n7", "pin": "output"}, "to": {"node": "n3", "pin": "matte"}},
        {"action": "wait", "frames": 2},
        {"action": "click", "at": {"node": "n4"}},
        {"action": "bypass", "on": true},
        {"action": "wait", "frames": 2},
        {"action": "screenshot", "path": "graded.png"},
        {"action": "save"}
    ])");
    // A larger window than the other tests: the whole graph (four boxes with their thumbnails in one
    // column) fits the node editor at its first zoom.
    ASSERT_EQ(runStation("flat.exr --input-colorspace ACES2065-1 --display sRGB --grade g.json --script drag.json", dir,
                         true, {1600, 1500}),
              0);

    // The structure the drags describe; the refused one changed nothing.
    const Grade saved = loadGrade(dir.file("g.json"));
    using Ids = std::vector<std::string>;
    EXPECT_EQ(saved.find("n2")->inputs, Ids{kSourceInput});
    EXPECT_EQ(saved.find("n1")->inputs, Ids{"n2"});
    EXPECT_EQ(saved.find("n3")->inputs, Ids{"n1"});
    EXPECT_EQ(saved.find("n3")->matte, "n7");
    EXPECT_EQ(saved.find("n5")->inputs, (Ids{"n3", "n4", "n6"}));
    EXPECT_EQ(saved.find("n4")->inputs, Ids{kSourceInput});
    EXPECT_EQ(saved.find("n6")->inputs, Ids{kSourceInput});
    EXPECT_EQ(saved.outputNode()->id, "n5");
    for (const auto& id : {"n1", "n2", "n4", "n5", "n6"}) EXPECT_TRUE(saved.find(id)->matte.empty()) << id;
    EXPECT_TRUE(saved.find("n4")->bypass);  // the click selected it
    EXPECT_FALSE(saved.find("n3")->bypass);

    // The closed form of the grade in its new order, with OCIO's CPU processor for each CDL and the
    // colour transforms: the offset, then the saturation, then n3's slope where the window keys it
    // (the image's top half; below, n3 passes its input on); the mixer adds each branch's change to
    // the source they all start from (the bypassed n4 changes nothing).
    const auto c = toWorking(source);
    const auto offsetThenSaturation = cdl(cdl(c, one, {0.1, 0.05, 0.0}, 1), one, none, 0.5);
    const auto n4 = cdl(c, {0.9, 1.0, 1.1}, none, 1), n6 = cdl(c, one, {0.0, 0.06, 0.0}, 1);
    auto mixed = [&](std::array<float, 3> n3) {
        std::array<float, 3> out;
        for (int k = 0; k < 3; ++k) out[k] = c[k] + (n3[k] - c[k]) + (n6[k] - c[k]);
        return codes(toDisplay(out));
    };
    const auto top = mixed(cdl(offsetThenSaturation, {1.3, 1.0, 0.7}, none, 1));
    const auto bottom = mixed(offsetThenSaturation);
    // The same grade in the old order (saturation first): what a drag that did nothing would show.
    const auto oldOrder = cdl(cdl(c, one, none, 0.5), one, {0.1, 0.05, 0.0}, 1);
    const auto oldBottom = mixed(oldOrder);
    ASSERT_GT(std::max({std::abs(bottom[0] - oldBottom[0]), std::abs(bottom[1] - oldBottom[1]), std::abs(bottom[2] - oldBottom[2])}), 5)
        << "the test's two orders must look different";

    // The viewer (the window's left 992 pixels, below the menu bar) fits the 64x36 image at about
    // 15 window pixels per image pixel (y 170..728): each half of it covers well over 100000 window
    // pixels of the region checked.
    // Tolerance: 2 code values, OCIO's GPU shader against its CPU path and the 8-bit rounding of each.
    const Png graded = readPng(dir.file("graded.png"));
    ASSERT_EQ(graded.width, 1600);
    EXPECT_GT(countNear(graded, 0, 20, 992, 646, top, 2), 100000) << "top half: expected " << top[0] << " " << top[1] << " " << top[2];
    EXPECT_GT(countNear(graded, 0, 20, 992, 646, bottom, 2), 100000)
        << "bottom half: expected " << bottom[0] << " " << bottom[1] << " " << bottom[2];

    // After the reorder alone, the whole image is the new chain into the two-branch mixer: n3's
    // slope everywhere, no n6 yet.
    std::array<float, 3> reorderedOut;
    const auto n3 = cdl(offsetThenSaturation, {1.3, 1.0, 0.7}, none, 1);
    for (int k = 0; k < 3; ++k) reorderedOut[k] = c[k] + (n3[k] - c[k]) + (n4[k] - c[k]);
    const auto reorderedCodes = codes(toDisplay(reorderedOut));
    const Png reordered = readPng(dir.file("reordered.png"));
    EXPECT_GT(countNear(reordered, 0, 20, 992, 646, reorderedCodes, 2), 200000);

    // The refused drag said why on the status line (red text in the menu bar), and the session went
    // on: the later drags are in the saved grade above.
    const std::array<int, 3> red{255, 110, 100};
    EXPECT_EQ(countNear(reordered, 0, 0, 1600, 20, red, 30), 0);
    EXPECT_GT(countNear(readPng(dir.file("refused.png")), 0, 0, 1600, 20, red, 30), 10);
}


TEST(Station, NodeEditorDragsPullLinksOffMoveANodeFirstAndPickTheOutput) {
    TempDir dir;
    writeFlatExr(dir.file("flat.exr"), {0.18f, 0.12f, 0.06f});
    // n1 (limited by the window n5) feeds two branches, n2 and n3, joined with the source by a
    // three-input mixer n4.
    Grade start;
    const std::array<double, 3> one{1, 1, 1}, none{0, 0, 0};
    start.nodes = {cdlNode("n1", {kSourceInput}, one, none, 0.8), cdlNode("n2", {"n1"}, {1.2, 1.0, 0.9}, none, 1),
                   cdlNode("n3", {"n1"}, one, {0.02, 0.0, 0.0}, 1)};
    start.nodes[0].matte = "n5";
    GradeNode mixer = makeNode("parallel_mixer", "n4");
    mixer.inputs = {"n2", "n3", kSourceInput};
    start.nodes.push_back(mixer);
    start.nodes.push_back(makeNode("window", "n5"));
    start.output = "n4";
    saveGrade(dir.file("g.json"), start);

    // [900, 1060] is empty canvas at the node editor's bottom right. In order: the mixer's third
    // input pulled off; its second too, refused (a mixer keeps two); n1's matte pulled off; a cdl
    // dropped on a matte pin, refused; n2 dragged onto the source (first in the chain); n3's output
    // onto the output box.
    writeText(dir.file("drag.json"), R"([
        {"action": "wait", "frames": 2},
        {"action": "drag", "from": {"node": "n4", "pin": "input 3"}, "to": [900, 1060]},
        {"action": "wait", "frames": 2},
        {"action": "drag", "from": {"node": "n4", "pin": "input 2"}, "to": [900, 1060]},
        {"action": "wait", "frames": 2},
        {"action": "drag", "from": {"node": "n1", "pin": "matte"}, "to": [900, 1060]},
        {"action": "wait", "frames": 2},
        {"action": "drag", "from": {"node": "n2", "pin": "output"}, "to": {"node": "n3", "pin": "matte"}},
        {"action": "wait", "frames": 2},
        {"action": "drag", "from": {"node": "n2"}, "to": {"node": "source"}},
        {"action": "wait", "frames": 2},
        {"action": "drag", "from": {"node": "n3", "pin": "output"}, "to": {"node": "output"}},
        {"action": "wait", "frames": 2},
        {"action": "save"}
    ])");
    ASSERT_EQ(runStation("flat.exr --input-colorspace ACES2065-1 --grade g.json --script drag.json", dir, true, {1600, 1100}), 0);

    const Grade saved = loadGrade(dir.file("g.json"));
    using Ids = std::vector<std::string>;
    EXPECT_EQ(saved.find("n4")->inputs, (Ids{"n1", "n3"}));  // lost the source; n2 left it for the start
    EXPECT_TRUE(saved.find("n1")->matte.empty());
    EXPECT_TRUE(saved.find("n3")->matte.empty());
    EXPECT_EQ(saved.find("n2")->inputs, Ids{kSourceInput});
    EXPECT_EQ(saved.find("n1")->inputs, Ids{"n2"});
    EXPECT_EQ(saved.find("n3")->inputs, Ids{"n1"});
    EXPECT_EQ(saved.outputNode()->id, "n3");
}

}  // namespace
}  // namespace tinct::test
