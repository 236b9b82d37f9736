// writeExr's pixels, channels, windows and compression, checked by reading the output with
// OpenEXR's own InputFile.
#include "engine/Error.h"
#include "engine/io/ExrWriter.h"
#include "tests/support/ExrTestFiles.h"

#include <ImfChannelList.h>
#include <ImfCompression.h>
#include <gtest/gtest.h>

#include <cmath>
#include <tuple>

namespace tinct::test {
namespace {

using ValueFn = float (*)(int, int, int);

// A frame at an offset data window (negative origin) with a larger display window.
Frame frameOf(ValueFn value, bool alpha) {
    Frame frame = makeFrame(61, 29);
    frame.dataWindow = {-3, -6, 57, 22};
    frame.displayWindow = {0, 0, 63, 31};
    frame.hasAlpha = alpha;
    for (int y = 0; y < frame.height; ++y)
        for (int x = 0; x < frame.width; ++x)
            for (int c = 0; c < 4; ++c)
                frame.rgba[(size_t(y) * frame.width + x) * 4 + c] =
                    c == 3 && !alpha ? 1.0f : value(x - 3, y - 6, c);
    return frame;
}

// The largest |got - want| / max(|want|, 1) over all channels written: relative for large
// values, absolute below 1 where relative error would blow up near 0.
double maxRelativeError(const ReadBack& file, ValueFn value, int channels) {
    double worst = 0.0;
    for (int y = 0; y < file.height; ++y)
        for (int x = 0; x < file.width; ++x)
            for (int c = 0; c < channels; ++c) {
                const float got = file.channels.at(std::string(1, "RGBA"[c]))[size_t(y) * file.width + x];
                const double want = value(x - 3, y - 6, c);
                const double error = std::fabs(got - want) / std::max(std::fabs(want), 1.0);
                worst = std::max(worst, std::isnan(error) ? INFINITY : error);
            }
    return worst;
}

bool isLossless(ExrCompression c, PixelType t) {
    switch (c) {
        case ExrCompression::Pxr24: return t == PixelType::Half;
        // B44 compresses only half channels; float channels are stored as they are.
        case ExrCompression::B44: case ExrCompression::B44a: return t == PixelType::Float;
        // DWA's lossy DCT applies to R, G, B of either type (A is run-length coded).
        case ExrCompression::Dwaa: case ExrCompression::Dwab: return false;
        default: return true;
    }
}

// Relative tolerance for the lossy cases, each with why.
double tolerance(ExrCompression c) {
    switch (c) {
        // pxr24 rounds a float's 23-bit mantissa to 15 bits: relative error at most 2^-16
        // (measured: 1.0e-5).
        case ExrCompression::Pxr24: return std::ldexp(1.0, -16);
        // B44 stores each 4x4 block of halves as a base plus 6-bit differences; on a smooth ramp
        // that costs under one half ulp on top of the float-to-half rounding (2^-11 relative):
        // allow two half ulps, 2 * 2^-10 (measured: 4.6e-4).
        case ExrCompression::B44: case ExrCompression::B44a: return 2 * std::ldexp(1.0, -10);
        // DWA quantises 8x8 DCT coefficients of a perceptually encoded signal at the default
        // level 45, aiming at visually lossless; on a smooth ramp that stays under 1% (measured:
        // 0.4%), float channels included since DWA codes them as half.
        case ExrCompression::Dwaa: case ExrCompression::Dwab: return 0.01;
        default: return 0.0;
    }
}

class ExrWriterPixels
    : public ::testing::TestWithParam<std::tuple<ExrCompression, PixelType>> {};

TEST_P(ExrWriterPixels, ReadBackByOpenExr) {
    const auto [compression, type] = GetParam();
    TempDir dir;
    const bool lossless = isLossless(compression, type);
    // Lossless paths get values that reveal any rounding; lossy ones a ramp they are built for,
    // except pxr24 whose float rounding is exactly what we want to bound.
    const ValueFn value = compression == ExrCompression::Pxr24 || lossless
                              ? (type == PixelType::Half ? exactHalfValue : exactFloatValue)
                              : smoothValue;
    writeExr(dir.file("out.exr"), frameOf(value, true), {type, compression});

    const ReadBack file = readWithOpenExr(dir.file("out.exr"));
    EXPECT_EQ(file.header.compression(), toImfCompression(compression));
    const Imf::PixelType fileType = type == PixelType::Half ? Imf::HALF : Imf::FLOAT;
    int channels = 0;
    for (auto it = file.header.channels().begin(); it != file.header.channels().end(); ++it, ++channels)
        EXPECT_EQ(it.channel().type, fileType) << it.name();
    EXPECT_EQ(channels, 4);
    const double error = maxRelativeError(file, value, 4);
    if (lossless)
        EXPECT_EQ(error, 0.0);
    else
        EXPECT_LE(error, tolerance(compression));
}

INSTANTIATE_TEST_SUITE_P(
    AllCompressions, ExrWriterPixels,
    ::testing::Combine(::testing::Values(ExrCompression::None, ExrCompression::Rle,
                                         ExrCompression::Zips, ExrCompression::Zip,
                                         ExrCompression::Piz, ExrCompression::Pxr24,
                                         ExrCompression::B44, ExrCompression::B44a,
                                         ExrCompression::Dwaa, ExrCompression::Dwab),
                       ::testing::Values(PixelType::Half, PixelType::Float)),
    [](const auto& info) {
        return std::string(exrCompressionName(std::get<0>(info.param))) +
               (std::get<1>(info.param) == PixelType::Half ? "_half" : "_float");
    });

TEST(ExrWriter, KeepsWindowsAndWritesAlphaOnlyWhenPresent) {
    TempDir dir;
    writeExr(dir.file("rgb.exr"), frameOf(exactHalfValue, false), {});
    const ReadBack file = readWithOpenExr(dir.file("rgb.exr"));
    EXPECT_EQ(file.header.dataWindow(), Imath::Box2i({-3, -6}, {57, 22}));
    EXPECT_EQ(file.header.displayWindow(), Imath::Box2i({0, 0}, {63, 31}));
    EXPECT_EQ(file.header.compression(), Imf::ZIP_COMPRESSION);  // the default
    EXPECT_EQ(file.channels.size(), 3u);
    EXPECT_FALSE(file.header.channels().findChannel("A"));
    EXPECT_EQ(file.header.channels().findChannel("R")->type, Imf::HALF);  // the default
    EXPECT_EQ(maxRelativeError(file, exactHalfValue, 3), 0.0);
}

TEST(ExrWriter, GeneratedFrameWithoutAttributes) {
    TempDir dir;
    Frame frame = makeFrame(5, 3);
    frame.rgba[0] = 0.5f;
    writeExr(dir.file("g.exr"), frame, {PixelType::Float, ExrCompression::None});
    const ReadBack file = readWithOpenExr(dir.file("g.exr"));
    EXPECT_EQ(file.header.dataWindow(), Imath::Box2i({0, 0}, {4, 2}));
    EXPECT_EQ(file.header.displayWindow(), Imath::Box2i({0, 0}, {4, 2}));
    EXPECT_EQ(file.channels.at("R")[0], 0.5f);
    EXPECT_EQ(file.channels.at("G")[14], 0.0f);
}

TEST(ExrWriter, HalfOutputSaturatesInsteadOfGainingInfinity) {
    TempDir dir;
    Frame frame = makeFrame(2, 1);
    frame.rgba = {1e6f, -1e6f, 65504.0f, 1.0f, 70000.0f, 0.5f, -3.0f, 1.0f};
    writeExr(dir.file("big.exr"), frame, {PixelType::Half, ExrCompression::None});
    const ReadBack file = readWithOpenExr(dir.file("big.exr"));
    EXPECT_EQ(file.channels.at("R"), (std::vector<float>{65504.0f, 65504.0f}));
    EXPECT_EQ(file.channels.at("G"), (std::vector<float>{-65504.0f, 0.5f}));
    EXPECT_EQ(file.channels.at("B"), (std::vector<float>{65504.0f, -3.0f}));
}

TEST(ExrWriter, ParsesCompressionNames) {
    EXPECT_EQ(parseExrCompression("dwab"), ExrCompression::Dwab);
    EXPECT_EQ(parseExrCompression("PIZ"), ExrCompression::Piz);
    for (auto c : {ExrCompression::None, ExrCompression::Rle, ExrCompression::Zips,
                   ExrCompression::Zip, ExrCompression::Piz, ExrCompression::Pxr24,
                   ExrCompression::B44, ExrCompression::B44a, ExrCompression::Dwaa,
                   ExrCompression::Dwab})
        EXPECT_EQ(parseExrCompression(exrCompressionName(c)), c);
    try {
        parseExrCompression("lzw");
        FAIL() << "expected tinct::Error";
    } catch (const Error& e) {
        const std::string message = e.what();
        EXPECT_NE(message.find("'lzw'"), std::string::npos) << message;
        EXPECT_NE(message.find("none, rle, zips, zip, piz, pxr24, b44, b44a, dwaa, dwab"),
                  std::string::npos) << message;
    }
}

}  // namespace
}  // namespace tinct::test
