// Custom curves: master and red, green, blue B-spline curves through control points —
// OpenColorIO's GradingRGBCurveTransform, made dynamic so its spline coefficients travel in the
// kernel's parameter buffer (dragging a point compiles nothing).
#include <OpenColorIO/OpenColorIO.h>

#include "engine/Error.h"
#include "engine/color/OcioGpuStep.h"
#include "engine/nodes/NodeTypes.h"

namespace OCIO = OCIO_NAMESPACE;

namespace tinct {

namespace {

OCIO::ConstGradingBSplineCurveRcPtr curve(const CurvePoints& points) {
    auto c = OCIO::GradingBSplineCurve::Create(points.size());
    for (size_t i = 0; i < points.size(); ++i) c->getControlPoint(i) = {float(points[i][0]), float(points[i][1])};
    return c;
}

}  // namespace

NodeType curvesNodeType() {
    NodeType t;
    t.name = "curves";
    t.description = "master and R, G, B custom curves through control points (OCIO GradingRGBCurve)";
    t.params = {
        {"style", ParamType::Choice, 0, 0, {}, "menu", {"log", "lin", "video"}, "lin: the curves work on log2 of the values"},
        {"master", ParamType::Points, -100, 100, {0, 1, 0, 1}, "curve", {}, "applied to all channels, after the RGB curves"},
        {"red", ParamType::Points, -100, 100, {0, 1, 0, 1}, "curve", {}, ""},
        {"green", ParamType::Points, -100, 100, {0, 1, 0, 1}, "curve", {}, ""},
        {"blue", ParamType::Points, -100, 100, {0, 1, 0, 1}, "curve", {}, ""},
    };
    t.makeStep = [](const NodeParams& p, const NodeContext&) -> std::shared_ptr<const PointStep> {
        const std::string& styleName = p.text("style");
        const auto style = styleName == "lin" ? OCIO::GRADING_LIN : styleName == "video" ? OCIO::GRADING_VIDEO : OCIO::GRADING_LOG;
        try {
            auto curves = OCIO::GradingRGBCurve::Create(curve(p.points("red")), curve(p.points("green")),
                                                         curve(p.points("blue")), curve(p.points("master")));
            auto transform = OCIO::GradingRGBCurveTransform::Create(style);
            transform->setValue(curves);
            transform->makeDynamic();
            return std::make_shared<OcioGpuStep>(OCIO::Config::CreateRaw()->getProcessor(transform), "curves (" + styleName + ")");
        } catch (const OCIO::Exception& e) {
            throw Error(std::string("curves: ") + e.what());
        }
    };
    return t;
}

}  // namespace tinct
