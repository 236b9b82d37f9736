#include "engine/color/Hdr10Signal.h"

#include <array>
#include <cmath>

#include "engine/color/St2084.h"

namespace OCIO = OCIO_NAMESPACE;

namespace tinct {
namespace {

// Code values the test runs through: greys over the PQ range and saturated colours, which tell
// Rec.2020 primaries from P3 ones.
constexpr std::array<std::array<float, 3>, 6> kProbes = {{{0.1f, 0.1f, 0.1f},
                                                          {0.5f, 0.5f, 0.5f},
                                                          {0.75f, 0.75f, 0.75f},
                                                          {0.7f, 0.3f, 0.2f},
                                                          {0.2f, 0.6f, 0.3f},
                                                          {0.25f, 0.3f, 0.65f}}};
// OCIO's CPU ops in float with its fast power functions: round trips agree to about 1e-4; a
// different encoding differs by far more than this.
constexpr float kTolerance = 2e-3f;

OCIO::ConstTransformRcPtr toDisplayReference(const OCIO::ConstColorSpaceRcPtr& space) {
    if (auto t = space->getTransform(OCIO::COLORSPACE_DIR_TO_REFERENCE)) return t;
    if (auto t = space->getTransform(OCIO::COLORSPACE_DIR_FROM_REFERENCE)) {
        auto inverse = t->createEditableCopy();
        inverse->setDirection(OCIO::TRANSFORM_DIR_INVERSE);
        return inverse;
    }
    return OCIO::GroupTransform::Create();  // the colour space is the reference itself
}

std::array<float, 3> applyRgb(const OCIO::ConstCPUProcessorRcPtr& cpu, std::array<float, 3> rgb) {
    cpu->applyRGB(rgb.data());
    return rgb;
}

}  // namespace

std::optional<std::string> hdr10Mismatch(const OCIO::ConstConfigRcPtr& config, const std::string& display,
                                         const std::string& view) {
    const std::string viewName = view.empty() ? config->getDefaultView(display.c_str()) : view;
    const std::string what = "the display " + display + " (view " + viewName + ")";
    std::string spaceName = config->getDisplayViewColorSpaceName(display.c_str(), viewName.c_str());
    if (spaceName == OCIO::OCIO_VIEW_USE_DISPLAY_NAME) spaceName = display;
    const auto space = config->getColorSpace(spaceName.c_str());
    if (!space) return what + " has no colour space the config knows (" + spaceName + "), so its signal is unknown";
    const std::string encoding = *space->getEncoding() ? std::string(", OCIO encoding ") + space->getEncoding() : "";
    const std::string described = what + " gives " + spaceName + encoding;
    if (space->isData())
        return described + ", which passes values through unchanged; an HDR10 window reads them as PQ";
    if (space->getReferenceSpaceType() != OCIO::REFERENCE_SPACE_DISPLAY)
        return described + ", a scene-referred colour space, whose values an HDR10 window would read as PQ";

    try {
        auto toXyz = config->getProcessor(toDisplayReference(space))->getDefaultCPUProcessor();
        auto rec2100 = OCIO::BuiltinTransform::Create();
        rec2100->setStyle("DISPLAY - CIE-XYZ-D65_to_REC.2100-PQ");
        auto toRec2100 = config->getProcessor(rec2100)->getDefaultCPUProcessor();
        bool same = true;
        for (const auto& probe : kProbes) {
            const auto back = applyRgb(toRec2100, applyRgb(toXyz, probe));
            for (int c = 0; c < 3; ++c) same = same && std::fabs(back[size_t(c)] - probe[size_t(c)]) <= kTolerance;
        }
        if (same) return std::nullopt;
        // Not Rec.2100 PQ: is it PQ with other primaries? A grey's luminance (CIE Y, 1.0 = 100
        // cd/m2) then follows the ST 2084 EOTF.
        bool pq = true;
        for (float grey : {0.1f, 0.5f, 0.75f}) {
            const double nits = applyRgb(toXyz, {grey, grey, grey})[1] * 100.0;
            const double expected = nitsFromPqSignal(grey);
            pq = pq && std::fabs(nits - expected) <= 0.01 * expected;
        }
        if (pq)
            return described + ": ST 2084 (PQ), but not with the Rec.2020 primaries an HDR10 window assumes, so "
                               "colours are shown wrongly; choose a Rec.2100 PQ display";
        return described + ", not ST 2084 (PQ): an HDR10 window reads its code values as PQ; choose a Rec.2100 PQ "
                           "display";
    } catch (const OCIO::Exception& e) {
        return what + ": its encoding could not be checked (" + e.what() + ")";
    }
}

}  // namespace tinct
