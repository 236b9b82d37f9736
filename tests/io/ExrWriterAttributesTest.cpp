// Outputs keep the source header's descriptive attributes and drop the structural ones, as seen
// by OpenEXR reading the output.
#include "engine/io/ExrAttributes.h"
#include "engine/io/ExrWriter.h"
#include "tests/support/ExrTestFiles.h"

#include <ImfChannelList.h>
#include <ImfIntAttribute.h>
#include <ImfPartType.h>
#include <ImfStandardAttributes.h>
#include <ImfStringAttribute.h>
#include <ImfTileDescription.h>
#include <ImfVecAttribute.h>
#include <gtest/gtest.h>

namespace tinct::test {
namespace {

// A source header as a tiled part of a multi-part file would have, with studio metadata.
Imf::Header sourceHeader() {
    Imf::Header header(Imath::Box2i({0, 0}, {99, 49}), Imath::Box2i({10, 5}, {19, 9}), 2.0f);
    header.compression() = Imf::PIZ_COMPRESSION;
    header.setTileDescription(Imf::TileDescription(32, 32));
    header.setName("beauty");
    header.setType(Imf::TILEDIMAGE);
    header.setView("left");
    header.channels().insert("Z", Imf::Channel(Imf::FLOAT));
    Imf::addChromaticities(header, Imf::Chromaticities({0.713f, 0.293f}, {0.165f, 0.830f},
                                                       {0.128f, 0.044f}, {0.32168f, 0.33767f}));
    Imf::addTimeCode(header, Imf::TimeCode(1, 2, 3, 4));
    Imf::addFramesPerSecond(header, Imf::Rational(24000, 1001));
    Imf::addOwner(header, "Studio Tinct");
    header.insert("studio/shot", Imf::StringAttribute("sh010"));
    header.insert("studio/take", Imf::IntAttribute(7));
    header.insert("studio/offset", Imf::V2fAttribute(Imath::V2f(0.25f, -1.5f)));
    return header;
}

Frame frameWith(const Imf::Header& header) {
    Frame frame = makeFrame(10, 5);
    frame.dataWindow = {10, 5, 19, 9};
    frame.displayWindow = {0, 0, 99, 49};
    frame.attributes = std::make_shared<const ExrAttributes>(ExrAttributes{header});
    return frame;
}

TEST(ExrWriterAttributes, KeepsDescriptiveAttributes) {
    TempDir dir;
    writeExr(dir.file("out.exr"), frameWith(sourceHeader()), {PixelType::Half, ExrCompression::Zip});
    const Imf::Header out = readWithOpenExr(dir.file("out.exr")).header;

    ASSERT_TRUE(Imf::hasChromaticities(out));
    EXPECT_EQ(Imf::chromaticities(out).red, Imath::V2f(0.713f, 0.293f));
    EXPECT_EQ(Imf::chromaticities(out).white, Imath::V2f(0.32168f, 0.33767f));
    ASSERT_TRUE(Imf::hasTimeCode(out));
    EXPECT_EQ(Imf::timeCode(out).hours(), 1);
    EXPECT_EQ(Imf::timeCode(out).minutes(), 2);
    EXPECT_EQ(Imf::timeCode(out).seconds(), 3);
    EXPECT_EQ(Imf::timeCode(out).frame(), 4);
    ASSERT_TRUE(Imf::hasFramesPerSecond(out));
    EXPECT_EQ(Imf::framesPerSecond(out).n, 24000);
    EXPECT_EQ(Imf::framesPerSecond(out).d, 1001u);
    EXPECT_EQ(Imf::owner(out), "Studio Tinct");
    ASSERT_TRUE(out.findTypedAttribute<Imf::StringAttribute>("studio/shot"));
    EXPECT_EQ(out.typedAttribute<Imf::StringAttribute>("studio/shot").value(), "sh010");
    EXPECT_EQ(out.typedAttribute<Imf::IntAttribute>("studio/take").value(), 7);
    EXPECT_EQ(out.typedAttribute<Imf::V2fAttribute>("studio/offset").value(),
              Imath::V2f(0.25f, -1.5f));
    EXPECT_EQ(out.pixelAspectRatio(), 2.0f);
}

TEST(ExrWriterAttributes, StructureComesFromTheOutputNotTheSource) {
    TempDir dir;
    writeExr(dir.file("out.exr"), frameWith(sourceHeader()), {PixelType::Float, ExrCompression::Rle});
    const Imf::Header out = readWithOpenExr(dir.file("out.exr")).header;
    EXPECT_FALSE(out.hasTileDescription());
    EXPECT_FALSE(out.hasName());
    EXPECT_FALSE(out.hasView());
    EXPECT_TRUE(!out.hasType() || out.type() == Imf::SCANLINEIMAGE);
    EXPECT_EQ(out.compression(), Imf::RLE_COMPRESSION);
    EXPECT_FALSE(out.channels().findChannel("Z"));
    EXPECT_EQ(out.dataWindow(), Imath::Box2i({10, 5}, {19, 9}));
    EXPECT_EQ(out.displayWindow(), Imath::Box2i({0, 0}, {99, 49}));
}

}  // namespace
}  // namespace tinct::test
