// describeExr reports headers as written by OpenEXR's own API.
#include "engine/io/ExrInfo.h"
#include "tests/support/ExrTestFiles.h"

#include <ImfFloatAttribute.h>
#include <ImfIntAttribute.h>
#include <ImfStandardAttributes.h>
#include <ImfStringAttribute.h>
#include <ImfTileDescription.h>
#include <ImfVecAttribute.h>
#include <gtest/gtest.h>

namespace tinct::test {
namespace {

using nlohmann::json;

TEST(ExrInfo, DescribesPartsChannelsLayersAndAttributes) {
    TempDir dir;
    const Imath::Box2i display({0, 0}, {19, 9});
    Imf::Header beauty(display, Imath::Box2i({-2, -1}, {22, 12}), 1.5f);
    beauty.setName("beauty");
    beauty.setTileDescription(Imf::TileDescription(16, 8));
    beauty.compression() = Imf::DWAB_COMPRESSION;
    Imf::addChromaticities(beauty, Imf::Chromaticities());
    Imf::addTimeCode(beauty, Imf::TimeCode(10, 20, 30, 12));
    Imf::addFramesPerSecond(beauty, Imf::Rational(24000, 1001));
    Imf::addOwner(beauty, "Studio Tinct");
    Imf::addComments(beauty, "graded");
    Imf::addCapDate(beauty, "2024:01:02 03:04:05");
    beauty.insert("studio/shot", Imf::StringAttribute("sh010"));
    beauty.insert("studio/take", Imf::IntAttribute(7));
    beauty.insert("studio/gain", Imf::FloatAttribute(0.25f));
    beauty.insert("studio/offset", Imf::V2fAttribute(Imath::V2f(0.5f, -1.5f)));
    // Parts must agree on their shared attributes: aspect, chromaticities and timecode.
    Imf::Header aovs(display, display, 1.5f);
    aovs.setName("aovs");
    Imf::addChromaticities(aovs, Imf::chromaticities(beauty));
    Imf::addTimeCode(aovs, Imf::timeCode(beauty));
    auto zero = [](int, int) { return 0.0; };
    writeMultiPartFile(dir.file("i.exr"),
                       {{beauty, {{"R", Imf::HALF, zero}, {"G", Imf::HALF, zero},
                                  {"B", Imf::HALF, zero}, {"A", Imf::HALF, zero}}},
                        {aovs, {{"diffuse.R", Imf::FLOAT, zero}, {"Z", Imf::UINT, zero}}}});

    const json info = describeExr(dir.file("i.exr"));
    EXPECT_EQ(info["path"], dir.file("i.exr"));
    ASSERT_EQ(info["parts"].size(), 2u);
    const json& p0 = info["parts"][0];
    EXPECT_EQ(p0["name"], "beauty");
    EXPECT_EQ(p0["type"], "tiledimage");
    EXPECT_EQ(p0["tiled"], true);
    EXPECT_EQ(p0["tileSize"], json({16, 8}));
    EXPECT_EQ(p0["compression"], "dwab");
    EXPECT_EQ(p0["dataWindow"], json({{"xMin", -2}, {"yMin", -1}, {"xMax", 22}, {"yMax", 12},
                                      {"width", 25}, {"height", 14}}));
    EXPECT_EQ(p0["displayWindow"]["width"], 20);
    EXPECT_EQ(p0["pixelAspectRatio"], 1.5);
    EXPECT_EQ(p0["channels"][0], json({{"name", "A"}, {"type", "half"}, {"xSampling", 1},
                                       {"ySampling", 1}}));
    EXPECT_EQ(p0["layers"], json({""}));

    const json& a = p0["attributes"];
    // Rec. 709 primaries, OpenEXR's default chromaticities, as the decimals people write.
    EXPECT_EQ(a["chromaticities"]["red"], json({0.64, 0.33}));
    EXPECT_EQ(a["chromaticities"]["white"], json({0.3127, 0.329}));
    EXPECT_EQ(a["timeCode"], "10:20:30:12");
    EXPECT_EQ(a["framesPerSecond"]["numerator"], 24000);
    EXPECT_EQ(a["framesPerSecond"]["denominator"], 1001);
    EXPECT_NEAR(a["framesPerSecond"]["value"].get<double>(), 23.976, 0.001);
    EXPECT_EQ(a["owner"], "Studio Tinct");
    EXPECT_EQ(a["comments"], "graded");
    EXPECT_EQ(a["capDate"], "2024:01:02 03:04:05");
    EXPECT_EQ(a["studio/shot"], "sh010");
    EXPECT_EQ(a["studio/take"], 7);
    EXPECT_EQ(a["studio/gain"], 0.25);
    EXPECT_EQ(a["studio/offset"], json({0.5, -1.5}));
    EXPECT_FALSE(a.contains("channels"));  // reported as a field of its own

    const json& p1 = info["parts"][1];
    EXPECT_EQ(p1["type"], "scanlineimage");
    EXPECT_EQ(p1["tiled"], false);
    EXPECT_FALSE(p1.contains("tileSize"));
    EXPECT_EQ(p1["layers"], json({"", "diffuse"}));
    EXPECT_EQ(p1["channels"][0]["name"], "Z");  // OpenEXR sorts channels by name
    EXPECT_EQ(p1["channels"][0]["type"], "uint");
    EXPECT_EQ(p1["channels"][1]["type"], "float");
    EXPECT_EQ(info["layers"], json({"", "diffuse"}));
}

TEST(ExrInfo, SinglePartScanline) {
    TempDir dir;
    const Imath::Box2i window({0, 0}, {7, 3});
    writeRgbaFile(dir.file("s.exr"), window, window, Imf::WRITE_RGB, Imf::PIZ_COMPRESSION);
    const json info = describeExr(dir.file("s.exr"));
    ASSERT_EQ(info["parts"].size(), 1u);
    EXPECT_EQ(info["parts"][0]["type"], "scanlineimage");
    EXPECT_EQ(info["parts"][0]["compression"], "piz");
    EXPECT_FALSE(info["parts"][0].contains("name"));
    EXPECT_EQ(info["parts"][0]["channels"].size(), 3u);
}

}  // namespace
}  // namespace tinct::test
