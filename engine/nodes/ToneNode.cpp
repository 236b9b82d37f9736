// Tone zones (log wheels): blacks, shadows, midtones, highlights and whites, each with RGB and
// master and its range, and S-contrast — OpenColorIO's GradingToneTransform, made dynamic so
// that its values travel in the kernel's parameter buffer (engine/color/OcioGpuStep) and moving a
// wheel compiles nothing.
#include <OpenColorIO/OpenColorIO.h>

#include "engine/Error.h"
#include "engine/color/OcioGpuStep.h"
#include "engine/nodes/NodeTypes.h"

namespace OCIO = OCIO_NAMESPACE;

namespace tinct {

namespace {

const char* const kZones[] = {"blacks", "shadows", "midtones", "highlights", "whites"};

OCIO::GradingStyle styleOf(const std::string& name) {
    return name == "lin" ? OCIO::GRADING_LIN : name == "video" ? OCIO::GRADING_VIDEO : OCIO::GRADING_LOG;
}

OCIO::GradingRGBMSW& zone(OCIO::GradingTone& tone, int i) {
    OCIO::GradingRGBMSW* zones[] = {&tone.m_blacks, &tone.m_shadows, &tone.m_midtones, &tone.m_highlights, &tone.m_whites};
    return *zones[i];
}

}  // namespace

NodeType toneNodeType() {
    NodeType t;
    t.name = "tone";
    t.description = "tone zones: blacks, shadows, midtones, highlights, whites and S-contrast (OCIO GradingTone)";
    t.params.push_back({"style", ParamType::Choice, 0, 0, {}, "menu", {"log", "lin", "video"}, "as for primaries"});
    t.params.push_back({"zone_ranges", ParamType::Choice, 0, 0, {}, "menu", {"style", "custom"},
                        "style: OCIO's zone ranges for the style; custom: the *_start and *_width values"});
    const OCIO::GradingTone logDefaults(OCIO::GRADING_LOG);
    for (int i = 0; i < 5; ++i) {
        const std::string z = kZones[i];
        const auto& d = zone(const_cast<OCIO::GradingTone&>(logDefaults), i);
        t.params.push_back({z, ParamType::Rgbm, 0.01, 1.99, {1, 1, 1, 1}, "wheel", {}, "1 leaves the zone as it is"});
        t.params.push_back({z + "_start", ParamType::Number, -10, 10, {d.m_start}, "slider", {}, "with custom zone ranges"});
        t.params.push_back({z + "_width", ParamType::Number, -20, 20, {d.m_width}, "slider", {}, "with custom zone ranges"});
    }
    t.params.push_back({"s_contrast", ParamType::Number, 0.01, 1.99, {1}, "slider", {}, "S-shaped contrast about mid grey"});
    t.makeStep = [](const NodeParams& p, const NodeContext&) -> std::shared_ptr<const PointStep> {
        const OCIO::GradingStyle style = styleOf(p.text("style"));
        OCIO::GradingTone tone(style);
        for (int i = 0; i < 5; ++i) {
            OCIO::GradingRGBMSW& z = zone(tone, i);
            const auto v = p.rgbm(kZones[i]);
            z.m_red = v[0], z.m_green = v[1], z.m_blue = v[2], z.m_master = v[3];
            if (p.text("zone_ranges") == "custom") {
                z.m_start = p.number(std::string(kZones[i]) + "_start");
                z.m_width = p.number(std::string(kZones[i]) + "_width");
            }
        }
        tone.m_scontrast = p.number("s_contrast");
        auto transform = OCIO::GradingToneTransform::Create(style);
        try {
            transform->setValue(tone);
            transform->makeDynamic();
            return std::make_shared<OcioGpuStep>(OCIO::Config::CreateRaw()->getProcessor(transform), "tone (" + p.text("style") + ")");
        } catch (const OCIO::Exception& e) {
            throw Error(std::string("tone: ") + e.what());
        }
    };
    return t;
}

}  // namespace tinct
