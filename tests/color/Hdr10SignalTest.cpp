// Which display/views give the signal an HDR10 window shows (Rec.2100 PQ), decided from what the
// config's transforms do, not from names: the shipped config's displays, and a made-up config whose
// names say the opposite of what its transforms do.
#include <gtest/gtest.h>

#include <OpenColorIO/OpenColorIO.h>

#include <sstream>

#include "engine/color/Hdr10Signal.h"

namespace OCIO = OCIO_NAMESPACE;

namespace tinct::test {
namespace {

OCIO::ConstConfigRcPtr shipped() { return OCIO::Config::CreateFromFile(TINCT_SOURCE_DIR "/luts/config.ocio"); }

bool contains(const std::optional<std::string>& text, const std::string& part) {
    return text && text->find(part) != std::string::npos;
}

TEST(Hdr10Signal, TheShippedRec2100PqViewsMatchAndNoOtherDisplayDoes) {
    const auto config = shipped();
    // Every view of Rec.2100-PQ that ends in its display colour space gives the HDR10 signal,
    // whatever its tone mapping or gamut limit.
    for (int i = 0; i < config->getNumViews("Rec.2100-PQ"); ++i) {
        const std::string view = config->getView("Rec.2100-PQ", i);
        if (view == "Log" || view == "Raw") continue;
        EXPECT_EQ(hdr10Mismatch(config, "Rec.2100-PQ", view), std::nullopt) << view;
    }
    EXPECT_EQ(hdr10Mismatch(config, "Rec.2100-PQ", ""), std::nullopt);  // the default view

    // PQ with P3 primaries: PQ, but the colours would be wrong on an HDR10 window.
    const auto p3 = hdr10Mismatch(config, "ST2084-P3-D65", "ACES 1.1 - HDR Video (1000 nits & P3 lim)");
    EXPECT_TRUE(contains(p3, "ST 2084 (PQ), but not with the Rec.2020 primaries")) << p3.value_or("matched");
    EXPECT_TRUE(contains(p3, "ST2084-P3-D65 - Display")) << p3.value_or("matched");

    for (const char* display : {"sRGB", "Rec.1886 Rec.709", "P3-D65", "Rec.2100-HLG"}) {
        const auto m = hdr10Mismatch(config, display, "");
        EXPECT_TRUE(contains(m, "not ST 2084 (PQ)")) << display << ": " << m.value_or("matched");
    }
    EXPECT_TRUE(contains(hdr10Mismatch(config, "Rec.2100-HLG", ""), "OCIO encoding hdr-video"));
    EXPECT_TRUE(contains(hdr10Mismatch(config, "Rec.2100-PQ", "Raw"), "passes values through unchanged"));
    EXPECT_TRUE(contains(hdr10Mismatch(config, "Rec.2100-PQ", "Log"), "scene-referred"));
}

TEST(Hdr10Signal, IsDecidedByTheTransformsNotByTheNames) {
    // "SDR Monitor" is Rec.2100 PQ; "PQ ST2084 Monitor" is sRGB.
    std::istringstream yaml(R"(ocio_profile_version: 2.1
roles:
  default: Raw
file_rules:
  - !<Rule> {name: Default, colorspace: Raw}
displays:
  SDR Monitor:
    - !<View> {name: Plain, colorspace: SDR Monitor - Display}
  PQ ST2084 Monitor:
    - !<View> {name: Plain, colorspace: PQ ST2084 Monitor - Display}
colorspaces:
  - !<ColorSpace> {name: Raw, isdata: true}
display_colorspaces:
  - !<ColorSpace>
    name: SDR Monitor - Display
    from_display_reference: !<BuiltinTransform> {style: DISPLAY - CIE-XYZ-D65_to_REC.2100-PQ}
  - !<ColorSpace>
    name: PQ ST2084 Monitor - Display
    from_display_reference: !<BuiltinTransform> {style: DISPLAY - CIE-XYZ-D65_to_sRGB}
)");
    const auto config = OCIO::Config::CreateFromStream(yaml);
    EXPECT_EQ(hdr10Mismatch(config, "SDR Monitor", "Plain"), std::nullopt);
    EXPECT_TRUE(contains(hdr10Mismatch(config, "PQ ST2084 Monitor", "Plain"), "not ST 2084 (PQ)"));
}

}  // namespace
}  // namespace tinct::test
