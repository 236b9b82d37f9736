// The geometry behind the viewer's tools, against closed forms: a window's contours and handles
// (engine/nodes/WindowShape) and the qualifier picker's ranges (engine/nodes/QualifierPick).
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "engine/Error.h"
#include "engine/graph/Grade.h"
#include "engine/nodes/QualifierPick.h"
#include "engine/nodes/WindowShape.h"

namespace tinct::test {
namespace {

NodeParams windowParams(const std::string& shape, double cx, double cy, double size, double aspect, double degrees) {
    NodeParams p = makeNode("window", "w").params;
    p.set("shape", shape);
    p.set("center_x", cx);
    p.set("center_y", cy);
    p.set("size", size);
    p.set("aspect", aspect);
    p.set("rotation", degrees);
    return p;
}

TEST(WindowShape, RotatedEllipseContourLiesOnTheEllipseInImagePixels) {
    // 200x100 frame: centre (0.25 * 200, 0.5 * 100) = (50, 50) pixels; size 0.4 -> radii 20 (y) and
    // 40 (x, aspect 2) pixels; turned 30 degrees clockwise as seen (y down).
    const WindowShape s = WindowShape::fromParams(windowParams("ellipse", 0.25, 0.5, 0.4, 2, 30), 200, 100);
    const double a = 30 * std::numbers::pi / 180;
    for (double offset : {0.0, 0.05, -0.05}) {
        // The contour at distance `offset` (frame heights) is the ellipse scaled by 1 + offset / 0.2.
        const double k = 1 + offset / 0.2;
        for (const auto& p : s.contour(offset)) {
            const double dx = p[0] - 50, dy = p[1] - 50;
            const double u = std::cos(a) * dx + std::sin(a) * dy, v = -std::sin(a) * dx + std::cos(a) * dy;
            EXPECT_NEAR(std::hypot(u / (40 * k), v / (20 * k)), 1.0, 1e-9);
        }
    }
}

TEST(WindowShape, RectangleOutsideContourKeepsTheOffsetFromTheBox) {
    // An unturned 40x20-pixel box at (100, 50) on a 200x100 frame; the contour 10 pixels (0.1 frame
    // heights) outside keeps exactly 10 pixels from the box: the exact distance rounds its corners.
    const WindowShape s = WindowShape::fromParams(windowParams("rectangle", 0.5, 0.5, 0.2, 2, 0), 200, 100);
    for (const auto& p : s.contour(0.1)) {
        const double ex = std::max(std::abs(p[0] - 100) - 20, 0.0), ey = std::max(std::abs(p[1] - 50) - 10, 0.0);
        EXPECT_NEAR(std::hypot(ex, ey), 10, 1e-9);
    }
}

TEST(WindowShape, HandlesSitOnTheShapeAndDraggingThemSetsTheParameters) {
    const NodeParams start = windowParams("ellipse", 0.5, 0.5, 0.4, 1.5, 90);
    const WindowShape s = WindowShape::fromParams(start, 200, 100);
    // Turned 90 degrees clockwise as seen, "up" points right: the size handle (the top edge, 20
    // pixels from the centre) is at (100 + 20, 50), the aspect handle (right edge, 30 pixels) below.
    auto handle = [&](WindowHandle kind) {
        for (const auto& h : s.handles())
            if (h.kind == kind) return h;
        ADD_FAILURE() << "no handle";
        return s.handles().front();
    };
    const auto size = handle(WindowHandle::Size);
    EXPECT_NEAR(size.at[0], 120, 1e-9);
    EXPECT_NEAR(size.at[1], 50, 1e-9);
    EXPECT_NEAR(s.drag(start, size, size.at, {130, 50}).number("size"), 0.6, 1e-9);  // the edge now 30 px out
    const auto aspect = handle(WindowHandle::Aspect);                                  // the right edge turns down
    EXPECT_NEAR(aspect.at[0], 100, 1e-9);
    EXPECT_NEAR(aspect.at[1], 80, 1e-9);
    EXPECT_NEAR(s.drag(start, aspect, aspect.at, {100, 90}).number("aspect"), 2.0, 1e-9);
    const auto rotation = handle(WindowHandle::Rotation);
    EXPECT_NEAR(s.drag(start, rotation, rotation.at, {100, 20}).number("rotation"), 0, 1e-9);  // straight up again
    EXPECT_NEAR(s.drag(start, rotation, rotation.at, {70, 50}).number("rotation"), -90, 1e-9);
    const auto centre = handle(WindowHandle::Centre);
    const NodeParams moved = s.drag(start, centre, centre.at, {50, 25});
    EXPECT_NEAR(moved.number("center_x"), 0.25, 1e-12);
    EXPECT_NEAR(moved.number("center_y"), 0.25, 1e-12);
}

TEST(WindowShape, PolygonVerticesAndCentroidDrag) {
    NodeParams start = windowParams("polygon", 0.5, 0.5, 0.4, 1, 0);
    start.set("points", CurvePoints{{0.1, 0.1}, {0.5, 0.1}, {0.3, 0.7}});
    const WindowShape s = WindowShape::fromParams(start, 200, 100);
    const auto handles = s.handles();
    ASSERT_EQ(handles.size(), 4u);  // three vertices and the centroid
    EXPECT_NEAR(handles[2].at[0], 60, 1e-9);
    EXPECT_NEAR(handles[2].at[1], 70, 1e-9);
    const CurvePoints one = s.drag(start, handles[1], handles[1].at, {150, 20}).points("points");
    EXPECT_NEAR(one[1][0], 0.75, 1e-12);
    EXPECT_NEAR(one[1][1], 0.2, 1e-12);
    EXPECT_EQ(one[0], (std::array<double, 2>{0.1, 0.1}));
    const CurvePoints all = s.drag(start, handles[3], {60, 30}, {80, 40}).points("points");  // +0.1, +0.1
    for (size_t i = 0; i < 3; ++i) {
        EXPECT_NEAR(all[i][0], start.points("points")[i][0] + 0.1, 1e-12);
        EXPECT_NEAR(all[i][1], start.points("points")[i][1] + 0.1, 1e-12);
    }
}

NodeParams qualifier(const std::string& mode) {
    NodeParams p = makeNode("qualifier", "q").params;
    p.set("mode", mode);
    return p;
}

TEST(QualifierPick, HueArcCrossesRedAndHoldsEverySample) {
    // Reds either side of hue 0: (1, 0, 0.3) has hue 1 - 0.05 = 0.95; (1, 0.3, 0) has 0.05.
    const NodeParams p = pickQualifierRanges(qualifier("hsl"), {{1, 0, 0.3f, 1}, {1, 0.3f, 0, 1}}, false);
    EXPECT_TRUE(p.flag("use_hue"));
    EXPECT_NEAR(std::fmod(p.number("hue_center") + 0.5, 1.0) - 0.5, 0.0, 1e-6);  // centre on red, not cyan
    EXPECT_NEAR(p.number("hue_width"), 0.1 + 2 * kPickMargin, 1e-6);
    EXPECT_NEAR(p.number("sat_low"), 1 - kPickMargin, 1e-6);   // both fully saturated
    EXPECT_NEAR(p.number("lum_low"), 0.5 - kPickMargin, 1e-6);
    EXPECT_NEAR(p.number("lum_high"), 0.5 + kPickMargin, 1e-6);
}

TEST(QualifierPick, ExtendKeepsTheOldRangeAndGreysLeaveHueOff) {
    NodeParams p = pickQualifierRanges(qualifier("hsl"), {{0.2f, 0.6f, 0.2f, 1}}, false);  // green: hue 1/3
    EXPECT_NEAR(p.number("hue_center"), 1.0 / 3, 1e-6);
    p = pickQualifierRanges(p, {{0.2f, 0.2f, 0.6f, 1}}, true);  // + blue: hue 2/3
    EXPECT_NEAR(p.number("hue_center"), 0.5, 1e-6);
    EXPECT_NEAR(p.number("hue_width"), 1.0 / 3 + 2 * kPickMargin, 1e-6);  // one margin, not one per pick
    const NodeParams grey = pickQualifierRanges(qualifier("hsl"), {{0.4f, 0.4f, 0.4f, 1}}, false);
    EXPECT_FALSE(grey.flag("use_hue"));
    EXPECT_NEAR(grey.number("sat_high"), kPickMargin, 1e-9);
}

TEST(QualifierPick, RgbAndLumaRanges) {
    const NodeParams rgb = pickQualifierRanges(qualifier("rgb"), {{0.1f, 0.5f, 0.9f, 1}, {0.3f, 0.4f, 0.8f, 1}}, false);
    const auto lo = rgb.rgbm("rgb_low"), hi = rgb.rgbm("rgb_high");
    EXPECT_NEAR(lo[0], 0.1 - kPickMargin, 1e-6);
    EXPECT_NEAR(hi[0], 0.3 + kPickMargin, 1e-6);
    EXPECT_NEAR(lo[2], 0.8 - kPickMargin, 1e-6);
    EXPECT_NEAR(hi[2], 0.9 + kPickMargin, 1e-6);
    const NodeParams luma = pickQualifierRanges(qualifier("luma"), {{1, 1, 1, 1}, {0, 0, 1, 1}}, false);
    EXPECT_NEAR(luma.number("lum_low"), 0.0722 - kPickMargin, 1e-6);  // Rec.709 blue weight
    EXPECT_NEAR(luma.number("lum_high"), 1 + kPickMargin, 1e-6);
    EXPECT_THROW(pickQualifierRanges(qualifier("luma"), {}, false), Error);
}

}  // namespace
}  // namespace tinct::test
