// readExr on single-part files of each channel layout and pixel type, against the values the
// files were written with through OpenEXR's own API.
#include "engine/Error.h"
#include "engine/io/ExrAttributes.h"
#include "engine/io/ExrReader.h"
#include "tests/support/ExrTestFiles.h"
#include "tests/io/FrameChecks.h"

#include <ImfStandardAttributes.h>
#include <gtest/gtest.h>

namespace tinct::test {
namespace {

using Imath::Box2i;
using Imath::V2i;

std::array<float, 4> halfRgba(int x, int y) {
    return {exactHalfValue(x, y, 0), exactHalfValue(x, y, 1), exactHalfValue(x, y, 2),
            exactHalfValue(x, y, 3)};
}

Imf::Header headerFor(const Box2i& dataWindow, Imf::Compression compression = Imf::ZIP_COMPRESSION) {
    Imf::Header header(dataWindow, dataWindow);
    header.compression() = compression;
    return header;
}

unsigned uintValue(int x, int y, int c) {
    return unsigned(((x & 31) + 32 * (y & 15)) * 4 + c) * 997u + 3u;  // distinct, below 2^24
}

TEST(ExrReader, ReadsHalfRgbaWithNegativeOffsetDataWindow) {
    TempDir dir;
    const Box2i display(V2i(0, 0), V2i(39, 19)), data(V2i(-7, -5), V2i(21, 7));
    writeRgbaFile(dir.file("a.exr"), display, data, Imf::WRITE_RGBA, Imf::ZIP_COMPRESSION, 0,
                  [](Imf::Header& h) { Imf::addOwner(h, "tinct tests"); });

    const Frame frame = readExr(dir.file("a.exr"));
    EXPECT_EQ(frame.width, 29);
    EXPECT_EQ(frame.height, 13);
    EXPECT_EQ(frame.dataWindow, (PixelWindow{-7, -5, 21, 7}));
    EXPECT_EQ(frame.displayWindow, (PixelWindow{0, 0, 39, 19}));
    EXPECT_TRUE(frame.hasAlpha);
    EXPECT_EQ(frame.sourcePixelType, PixelType::Half);
    EXPECT_TRUE(pixelsMatch(frame, halfRgba));
    ASSERT_TRUE(frame.attributes);
    EXPECT_EQ(Imf::owner(frame.attributes->header), "tinct tests");
}

TEST(ExrReader, MissingAlphaReadsAsOne) {
    TempDir dir;
    const Box2i window(V2i(2, 3), V2i(20, 11));
    writeRgbaFile(dir.file("rgb.exr"), window, window, Imf::WRITE_RGB);
    const Frame frame = readExr(dir.file("rgb.exr"));
    EXPECT_FALSE(frame.hasAlpha);
    EXPECT_TRUE(pixelsMatch(frame, [](int x, int y) {
        return std::array<float, 4>{exactHalfValue(x, y, 0), exactHalfValue(x, y, 1),
                                    exactHalfValue(x, y, 2), 1.0f};
    }));
}

TEST(ExrReader, FloatChannelsKeepFullPrecision) {
    TempDir dir;
    std::vector<TestChannel> channels;
    for (int c = 0; c < 4; ++c)
        channels.push_back({std::string(1, "RGBA"[c]), Imf::FLOAT,
                            [c](int x, int y) { return exactFloatValue(x, y, c); }});
    writeScanlineFile(dir.file("f.exr"), headerFor(Box2i(V2i(3, -2), V2i(30, 9))), channels);

    const Frame frame = readExr(dir.file("f.exr"));
    EXPECT_EQ(frame.sourcePixelType, PixelType::Float);
    EXPECT_TRUE(pixelsMatch(frame, [](int x, int y) {
        return std::array<float, 4>{exactFloatValue(x, y, 0), exactFloatValue(x, y, 1),
                                    exactFloatValue(x, y, 2), exactFloatValue(x, y, 3)};
    }));
}

TEST(ExrReader, UintChannelsConvertToFloat) {
    TempDir dir;
    std::vector<TestChannel> channels;
    for (int c = 0; c < 3; ++c)
        channels.push_back({std::string(1, "RGB"[c]), Imf::UINT,
                            [c](int x, int y) { return double(uintValue(x, y, c)); }});
    writeScanlineFile(dir.file("u.exr"), headerFor(Box2i(V2i(0, 0), V2i(16, 8))), channels);

    const Frame frame = readExr(dir.file("u.exr"));
    EXPECT_EQ(frame.sourcePixelType, PixelType::Uint);
    EXPECT_FALSE(frame.hasAlpha);
    EXPECT_TRUE(pixelsMatch(frame, [](int x, int y) {
        return std::array<float, 4>{float(uintValue(x, y, 0)), float(uintValue(x, y, 1)),
                                    float(uintValue(x, y, 2)), 1.0f};
    }));
}

TEST(ExrReader, MixedChannelTypesReportTheWidest) {
    TempDir dir;
    auto value = [](int x, int y) { return double(x + y); };
    writeScanlineFile(dir.file("m.exr"), headerFor(Box2i(V2i(0, 0), V2i(7, 7))),
                      {{"R", Imf::HALF, value}, {"G", Imf::UINT, value}, {"B", Imf::HALF, value}});
    EXPECT_EQ(readExr(dir.file("m.exr")).sourcePixelType, PixelType::Uint);
    writeScanlineFile(dir.file("n.exr"), headerFor(Box2i(V2i(0, 0), V2i(7, 7))),
                      {{"R", Imf::HALF, value}, {"G", Imf::FLOAT, value}, {"B", Imf::UINT, value}});
    EXPECT_EQ(readExr(dir.file("n.exr")).sourcePixelType, PixelType::Float);
}

TEST(ExrReader, LuminanceOnlyFillsRedGreenAndBlue) {
    TempDir dir;
    const Box2i window(V2i(-4, 1), V2i(12, 9));
    writeScanlineFile(dir.file("y.exr"), headerFor(window),
                      {{"Y", Imf::HALF, [](int x, int y) { return exactHalfValue(x, y, 1); }}});
    const Frame frame = readExr(dir.file("y.exr"));
    EXPECT_FALSE(frame.hasAlpha);
    EXPECT_EQ(frame.sourcePixelType, PixelType::Half);
    EXPECT_TRUE(pixelsMatch(frame, [](int x, int y) {
        const float v = exactHalfValue(x, y, 1);
        return std::array<float, 4>{v, v, v, 1.0f};
    }));

    writeScanlineFile(dir.file("ya.exr"), headerFor(window),
                      {{"Y", Imf::FLOAT, [](int x, int y) { return exactFloatValue(x, y, 0); }},
                       {"A", Imf::HALF, [](int x, int y) { return exactHalfValue(x, y, 3); }}});
    const Frame withAlpha = readExr(dir.file("ya.exr"));
    EXPECT_TRUE(withAlpha.hasAlpha);
    EXPECT_EQ(withAlpha.sourcePixelType, PixelType::Float);
    EXPECT_TRUE(pixelsMatch(withAlpha, [](int x, int y) {
        const float v = exactFloatValue(x, y, 0);
        return std::array<float, 4>{v, v, v, exactHalfValue(x, y, 3)};
    }));
}

TEST(ExrReader, RefusesLuminanceChromaRatherThanDroppingColour) {
    TempDir dir;
    const Box2i window(V2i(0, 0), V2i(15, 7));
    writeRgbaFile(dir.file("yc.exr"), window, window, Imf::WRITE_YC);
    try {
        readExr(dir.file("yc.exr"));
        FAIL() << "expected tinct::Error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find(dir.file("yc.exr")), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("luminance/chroma"), std::string::npos) << e.what();
    }
}

// Reading must give exactly what OpenEXR's own decoder gives for every compression, lossy ones
// included; for lossless ones that is also exactly what was written.
class ExrReaderCompression : public ::testing::TestWithParam<Imf::Compression> {};

TEST_P(ExrReaderCompression, MatchesOpenExrDecode) {
    TempDir dir;
    const Box2i window(V2i(-3, 2), V2i(40, 21));
    std::vector<TestChannel> channels;
    for (int c = 0; c < 3; ++c)
        channels.push_back({std::string(1, "RGB"[c]), Imf::HALF,
                            [c](int x, int y) { return smoothValue(x, y, c); }});
    channels.push_back({"A", Imf::FLOAT, [](int x, int y) { return exactFloatValue(x, y, 3); }});
    writeScanlineFile(dir.file("c.exr"), headerFor(window, GetParam()), channels);

    const ReadBack oracle = readWithOpenExr(dir.file("c.exr"));
    const Frame frame = readExr(dir.file("c.exr"));
    EXPECT_TRUE(pixelsMatch(frame, [&](int x, int y) {
        const size_t i = size_t(y - window.min.y) * oracle.width + (x - window.min.x);
        return std::array<float, 4>{oracle.channels.at("R")[i], oracle.channels.at("G")[i],
                                    oracle.channels.at("B")[i], oracle.channels.at("A")[i]};
    }));
    // pxr24 rounds the float alpha to 24 bits; the others named here are lossy for half.
    const bool lossy = GetParam() == Imf::PXR24_COMPRESSION || GetParam() == Imf::B44_COMPRESSION || GetParam() == Imf::B44A_COMPRESSION ||
                       GetParam() == Imf::DWAA_COMPRESSION || GetParam() == Imf::DWAB_COMPRESSION;
    if (!lossy) {
        EXPECT_TRUE(pixelsMatch(frame, [](int x, int y) {
            return std::array<float, 4>{storedValue(Imf::HALF, smoothValue(x, y, 0)),
                                        storedValue(Imf::HALF, smoothValue(x, y, 1)),
                                        storedValue(Imf::HALF, smoothValue(x, y, 2)),
                                        exactFloatValue(x, y, 3)};
        }));
    }
}

INSTANTIATE_TEST_SUITE_P(
    AllCompressions, ExrReaderCompression,
    ::testing::Values(Imf::NO_COMPRESSION, Imf::RLE_COMPRESSION, Imf::ZIPS_COMPRESSION,
                      Imf::ZIP_COMPRESSION, Imf::PIZ_COMPRESSION, Imf::PXR24_COMPRESSION,
                      Imf::B44_COMPRESSION, Imf::B44A_COMPRESSION, Imf::DWAA_COMPRESSION,
                      Imf::DWAB_COMPRESSION));

}  // namespace
}  // namespace tinct::test
