// Tools on the viewer, used with the mouse as a person would (the script moves ImGui's mouse): a
// window's handles dragged, the qualifier picker clicked and stroked over the image.
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "engine/graph/Grade.h"
#include "tests/gui/StationHarness.h"
#include "tests/support/ExrOracle.h"
#include "tests/support/TempDir.h"

namespace tinct::test {
namespace {

// Textbook HSL (hexcone hue in turns, L = (max + min) / 2, S = (max - min) / (1 - |2L - 1|)) of the
// colour clamped to 0..1, as the qualifier is documented to key (a saturated green has a slightly
// negative red in ACEScct).
std::array<double, 3> hsl(std::array<float, 3> c) {
    const double r = std::clamp<double>(c[0], 0, 1), g = std::clamp<double>(c[1], 0, 1), b = std::clamp<double>(c[2], 0, 1);
    const double hi = std::max({r, g, b}), lo = std::min({r, g, b}), d = hi - lo, l = (hi + lo) / 2;
    double h = hi == r ? std::fmod((g - b) / d + 6, 6.0) : hi == g ? (b - r) / d + 2 : (r - g) / d + 4;
    return {h / 6, d / (1 - std::abs(2 * l - 1)), l};
}

TEST(ViewerTools, WindowHandlesDraggedOnTheViewerMoveSizeRotateAndSoftenTheWindow) {
    TempDir dir;
    // The 64x36 image is 36 high: one frame height is 36 image pixels. The window starts as the
    // default ellipse (centre 0.5, 0.5; size 0.5, so a radius of 9 pixels; outer softness 0.05).
    // Each drag aims at where the handle is by the closed-form geometry of the shape: centre; the
    // size handle on the top edge; the rotation handle 0.08 frame heights above it; the softness
    // handle below the bottom edge by the outer softness (turned 90 degrees clockwise: to the left).
    writeText(dir.file("drag.json"), R"([
        {"action": "add_node", "type": "cdl"},
        {"action": "add_matte", "type": "window"},
        {"action": "wait", "frames": 2},
        {"action": "drag", "from": {"image": [32, 18]}, "to": {"image": [20, 20]}},
        {"action": "save", "path": "moved.json"},
        {"action": "drag", "from": {"image": [20, 11]}, "to": {"image": [20, 6]}},
        {"action": "drag", "from": {"image": [20, 3.12]}, "to": {"image": [30, 20]}},
        {"action": "drag", "from": {"image": [4.2, 20]}, "to": {"image": [2, 20]}},
        {"action": "save", "path": "dragged.json"},
        {"action": "undo"},
        {"action": "save", "path": "undone.json"}
    ])");
    ASSERT_EQ(runStation("--sample-width 64 --sample-height 36 --script drag.json", dir), 0);
    // The mouse lands on whole window pixels (ImGui floors its position), about 1/4.5 of an image
    // pixel here: 0.01 of a frame height covers it.
    const double tol = 0.01;
    const Grade movedGrade = loadGrade(dir.file("moved.json"));
    const GradeNode* moved = movedGrade.find("n2");
    ASSERT_NE(moved, nullptr);
    EXPECT_NEAR(moved->params.number("center_x"), 20.0 / 64, tol);
    EXPECT_NEAR(moved->params.number("center_y"), 20.0 / 36, tol);
    EXPECT_NEAR(moved->params.number("size"), 0.5, 1e-12);  // moving does not resize

    const Grade dragged = loadGrade(dir.file("dragged.json"));
    const NodeParams& p = dragged.find("n2")->params;
    EXPECT_NEAR(p.number("size"), 2 * 14.0 / 36, tol);                    // top edge 14 pixels above the centre
    EXPECT_NEAR(p.number("rotation"), 90, 1.0);                           // the stalk turned to the right
    EXPECT_NEAR(p.number("outer_soft"), 18.0 / 36 - 14.0 / 36, tol);      // 18 pixels out, the edge at 14
    EXPECT_EQ(dragged.find("n1")->matte, "n2");                           // still the node's matte

    // Each drag is one undo step: undo takes back the softness only.
    const Grade undoneGrade = loadGrade(dir.file("undone.json"));
    const NodeParams& undone = undoneGrade.find("n2")->params;
    EXPECT_NEAR(undone.number("outer_soft"), 0.05, 1e-12);
    EXPECT_NEAR(undone.number("rotation"), p.number("rotation"), 1e-12);
}

TEST(ViewerTools, QualifierPickerSelectsTheClickedColourThenAddsAStroke) {
    TempDir dir;
    // Green on the left, blue on the right (ACES2065-1); a CDL limited by a qualifier. The qualifier
    // starts on reds (its default), so neither half is graded until the picker is used.
    const std::array<float, 3> green{0.05f, 0.30f, 0.06f}, blue{0.05f, 0.07f, 0.35f};
    writeSplitExr(dir.file("split.exr"), green, blue);
    writeText(dir.file("pick.json"), R"([
        {"action": "add_node", "type": "cdl"},
        {"action": "set_param", "param": "slope", "value": [1.3, 1.0, 0.7]},
        {"action": "add_matte", "type": "qualifier"},
        {"action": "wait", "frames": 2},
        {"action": "screenshot", "path": "before.png"},
        {"action": "qualifier_picker"},
        {"action": "click", "at": {"image": [16.5, 18.5]}},
        {"action": "wait", "frames": 3},
        {"action": "screenshot", "path": "picked.png"},
        {"action": "save", "path": "picked.json"},
        {"action": "qualifier_picker", "extend": true},
        {"action": "drag", "from": {"image": [40.5, 10.5]}, "to": {"image": [52.5, 28.5]}},
        {"action": "wait", "frames": 3},
        {"action": "screenshot", "path": "extended.png"},
        {"action": "save", "path": "extended.json"}
    ])");
    ASSERT_EQ(runStation("split.exr --input-colorspace ACES2065-1 --display sRGB --script pick.json", dir), 0);

    // The picked hue is the green's hue in the working space (OCIO's CPU processor, then textbook HSL).
    const Grade picked = loadGrade(dir.file("picked.json"));
    const NodeParams& q = picked.find("n2")->params;
    const auto greenHsl = hsl(toWorking(green));
    EXPECT_NEAR(q.number("hue_center"), greenHsl[0], 1e-4);
    EXPECT_LE(q.number("sat_low"), greenHsl[1]);
    EXPECT_GE(q.number("sat_high"), greenHsl[1]);
    EXPECT_LE(q.number("lum_low"), greenHsl[2]);
    EXPECT_GE(q.number("lum_high"), greenHsl[2]);
    const double blueHue = hsl(toWorking(blue))[0];
    EXPECT_GT(std::abs(blueHue - q.number("hue_center")), q.number("hue_width") / 2 + q.number("hue_soft"));

    // What the viewer shows (the image fits the viewer, centred; its halves around x 100 and 290):
    // graded where the key holds, the source elsewhere. +-2 code values as in the station's tests.
    auto expectAt = [&](const std::string& png, int x, const std::array<float, 3>& expected, const char* what) {
        const Png shot = readPng(dir.file(png));
        ASSERT_EQ(shot.width, kWindowW) << png;
        const auto c = shot.at(x, 140);
        for (int ch = 0; ch < 3; ++ch) EXPECT_NEAR(c[ch], code(expected[ch]), 2) << png << ": " << what << " channel " << ch;
    };
    const std::array<double, 3> slope{1.3, 1.0, 0.7};
    expectAt("before.png", 100, expectedDisplay(green, std::nullopt), "green, not keyed");
    expectAt("before.png", 290, expectedDisplay(blue, std::nullopt), "blue, not keyed");
    expectAt("picked.png", 100, expectedDisplay(green, slope), "green, picked");
    expectAt("picked.png", 290, expectedDisplay(blue, std::nullopt), "blue, not picked");
    expectAt("extended.png", 100, expectedDisplay(green, slope), "green, still picked");
    expectAt("extended.png", 290, expectedDisplay(blue, slope), "blue, added by the stroke");
}

TEST(ViewerProxy, AtHalfSizeTheViewerGradesTheMeanOfEachTwoByTwoBlock) {
    TempDir dir;
    // A one-pixel checkerboard of two colours: at half size each window pixel covers a 2x2 block,
    // two of each colour, so the graded proxy is the grade of their mean, flat. Showing every other
    // pixel instead would give one of the two colours.
    const std::array<float, 3> a{0.40f, 0.10f, 0.05f}, b{0.02f, 0.20f, 0.30f};
    std::vector<float> rgba;
    for (int y = 0; y < 144; ++y)
        for (int x = 0; x < 256; ++x) {
            const auto& c = (x + y) % 2 ? a : b;
            rgba.insert(rgba.end(), {c[0], c[1], c[2], 1.0f});
        }
    writeExrWithOpenExr(dir.file("checker.exr"), Imf::Header(256, 144), rgba);
    writeText(dir.file("half.json"), R"([
        {"action": "add_node", "type": "cdl"},
        {"action": "set_param", "param": "slope", "value": [1.3, 1.0, 0.7]},
        {"action": "zoom", "scale": 0.5},
        {"action": "wait", "frames": 3},
        {"action": "screenshot", "path": "half.png"}
    ])");
    ASSERT_EQ(runStation("checker.exr --input-colorspace ACES2065-1 --display sRGB --script half.json", dir), 0);
    const Png shot = readPng(dir.file("half.png"));
    ASSERT_EQ(shot.width, kWindowW);
    const std::array<float, 3> mean{(a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2};
    const auto expected = expectedDisplay(mean, std::array<double, 3>{1.3, 1.0, 0.7});
    // The image, 128 x 72 window pixels, is centred in the viewer (x 0..396): around (198, 140).
    for (auto [x, y] : {std::pair{190, 135}, std::pair{191, 135}, std::pair{205, 146}})
        for (int ch = 0; ch < 3; ++ch) EXPECT_NEAR(shot.at(x, y)[ch], code(expected[ch]), 2) << x << "," << y << " channel " << ch;
}

}  // namespace
}  // namespace tinct::test
