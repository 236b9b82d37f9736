// The curves node against OpenColorIO's GradingRGBCurveTransform on the CPU; curve points in
// grade files.
#include <gtest/gtest.h>

#include <OpenColorIO/OpenColorIO.h>

#include "engine/Error.h"
#include "engine/graph/Grade.h"
#include "engine/nodes/NodeTypes.h"
#include "tests/support/GpuFixture.h"
#include "tests/support/OcioOracle.h"
#include "tests/support/TestPixels.h"

namespace OCIO = OCIO_NAMESPACE;
using namespace tinct;
using namespace tinct::test;

namespace {

// OCIO's GPU shader evaluates the same splines as its CPU renderer, in float (5e-5 scaled, as
// for OCIO's other Grading* transforms).
constexpr double kTolerance = 5e-5;

OCIO::ConstGradingBSplineCurveRcPtr oracleCurve(const CurvePoints& points) {
    auto c = OCIO::GradingBSplineCurve::Create(points.size());
    for (size_t i = 0; i < points.size(); ++i) c->getControlPoint(i) = {float(points[i][0]), float(points[i][1])};
    return c;
}

class CurvesNodeTest : public GpuFixture {};

}  // namespace

TEST_F(CurvesNodeTest, MatchesOcioAndKeepsItsKernelTextWhenPointsMove) {
    NodeParams p = defaultParams(findNodeType("curves")->params);
    const CurvePoints s = {{0.0, 0.0}, {0.25, 0.2}, {0.5, 0.5}, {0.75, 0.82}, {1.0, 1.0}};
    p.set("master", s);
    p.set("red", CurvePoints{{0.0, 0.02}, {0.5, 0.55}, {1.0, 0.98}});
    const auto step = findNodeType("curves")->makeStep(p, {});

    auto oracle = OCIO::GradingRGBCurveTransform::Create(OCIO::GRADING_LOG);
    const CurvePoints line = {{0.0, 0.0}, {1.0, 1.0}};
    oracle->setValue(OCIO::GradingRGBCurve::Create(oracleCurve(p.points("red")), oracleCurve(line), oracleCurve(line), oracleCurve(s)));
    const auto pixels = colourProbePixels();
    auto ref = ocioReference(oracle, pixels);
    for (float& v : ref) v = sanitized(v);
    const auto err = maxScaledError(runOnGpu({step}, pixels), ref);
    EXPECT_LE(err.error, kTolerance) << "pixel " << err.pixel;

    NodeParams moved = p;
    moved.set("master", CurvePoints{{0.0, 0.0}, {0.25, 0.15}, {0.5, 0.5}, {0.75, 0.9}, {1.0, 1.0}});
    const auto other = findNodeType("curves")->makeStep(moved, {});
    const StepSlot slot{"tinct_step0", 0, 3};
    EXPECT_EQ(step->glsl(slot), other->glsl(slot));
    EXPECT_NE(step->params(), other->params());
}

TEST(CurvePoints, ReadFromGradeFilesAndChecked) {
    const auto g = gradeFromJson(nlohmann::json::parse(R"({"tinct_grade": 1, "nodes": [
        {"id": "c", "type": "curves", "params": {"master": [[0, 0], [0.5, 0.6], [1, 1]]}}]})"),
                                 "grade test.json");
    EXPECT_EQ(g.nodes[0].params.points("master").size(), 3u);
    EXPECT_EQ(gradeFromJson(gradeToJson(g), "again"), g);
    EXPECT_THROW(gradeFromJson(nlohmann::json::parse(R"({"tinct_grade": 1, "nodes": [
        {"id": "c", "type": "curves", "params": {"master": [[0, 0], [0, 1]]}}]})"), "grade test.json"), Error);
    EXPECT_THROW(gradeFromJson(nlohmann::json::parse(R"({"tinct_grade": 1, "nodes": [
        {"id": "c", "type": "curves", "params": {"master": [[0, 0]]}}]})"), "grade test.json"), Error);
}
