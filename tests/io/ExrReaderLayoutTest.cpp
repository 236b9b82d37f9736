// readExr on tiled, multi-part and layered files: the layer a user names is found wherever the
// file stores it.
#include "engine/Error.h"
#include "engine/io/ExrAttributes.h"
#include "engine/io/ExrReader.h"
#include "tests/support/ExrTestFiles.h"
#include "tests/io/FrameChecks.h"

#include <ImfTileDescription.h>
#include <gtest/gtest.h>

namespace tinct::test {
namespace {

using Imath::Box2i;
using Imath::V2i;

// Each layer gets its own values (an offset per layer) so that reading the wrong one shows.
std::vector<TestChannel> layerChannels(const std::string& prefix, const char* names, float offset,
                                       Imf::PixelType type) {
    std::vector<TestChannel> channels;
    for (int c = 0; names[c]; ++c) {
        const int rgba = std::string("RGBA").find(names[c]);
        channels.push_back({prefix + names[c], type, [rgba, offset](int x, int y) {
                                return exactHalfValue(x, y, rgba) + offset;
                            }});
    }
    return channels;
}

ExpectedPixel layerPixels(float offset, bool alpha) {
    return [=](int x, int y) {
        return std::array<float, 4>{exactHalfValue(x, y, 0) + offset,
                                    exactHalfValue(x, y, 1) + offset,
                                    exactHalfValue(x, y, 2) + offset,
                                    alpha ? exactHalfValue(x, y, 3) + offset : 1.0f};
    };
}

std::string errorOf(const std::function<void()>& action) {
    try {
        action();
    } catch (const Error& e) {
        return e.what();
    }
    return "(no error)";
}

TEST(ExrReaderLayout, TiledWithPartialEdgeTiles) {
    TempDir dir;
    const Box2i display(V2i(0, 0), V2i(31, 15)), data(V2i(-5, -3), V2i(36, 20));
    writeRgbaFile(dir.file("t.exr"), display, data, Imf::WRITE_RGBA, Imf::PIZ_COMPRESSION, 16);
    const Frame frame = readExr(dir.file("t.exr"));
    EXPECT_EQ(frame.dataWindow, (PixelWindow{-5, -3, 36, 20}));
    EXPECT_EQ(frame.displayWindow, (PixelWindow{0, 0, 31, 15}));
    EXPECT_TRUE(pixelsMatch(frame, layerPixels(0.0f, true)));
}

class ExrReaderMultiPart : public ::testing::Test {
protected:
    void SetUp() override {
        path = dir.file("multi.exr");
        Imf::Header depth(Box2i(V2i(0, 0), V2i(19, 9)), Box2i(V2i(0, 0), V2i(19, 9)));
        depth.setName("depth");
        Imf::Header beauty(Box2i(V2i(0, 0), V2i(19, 9)), Box2i(V2i(-2, -1), V2i(22, 12)));
        beauty.setName("beauty");
        beauty.setTileDescription(Imf::TileDescription(8, 8));
        Imf::Header diffuse(Box2i(V2i(0, 0), V2i(19, 9)), Box2i(V2i(1, 1), V2i(17, 8)));
        diffuse.setName("diffusePass");
        diffuse.compression() = Imf::PIZ_COMPRESSION;
        auto beautyChannels = layerChannels("", "RGBA", 0.0f, Imf::HALF);
        for (auto& ch : layerChannels("spec.", "RGB", 50.0f, Imf::HALF)) beautyChannels.push_back(ch);
        writeMultiPartFile(
            path, {{depth, {{"Z", Imf::FLOAT, [](int x, int y) { return x * 0.5 + y; }}}},
                   {beauty, beautyChannels},
                   {diffuse, layerChannels("diffuse.", "RGB", 100.0f, Imf::FLOAT)}});
    }
    TempDir dir;
    std::string path;
};

TEST_F(ExrReaderMultiPart, DefaultLayerIsTheFirstPartWithRgba) {
    const Frame frame = readExr(path);
    EXPECT_EQ(frame.dataWindow, (PixelWindow{-2, -1, 22, 12}));
    EXPECT_TRUE(frame.hasAlpha);
    EXPECT_TRUE(pixelsMatch(frame, layerPixels(0.0f, true)));
    ASSERT_TRUE(frame.attributes);
    EXPECT_EQ(frame.attributes->header.name(), "beauty");
}

TEST_F(ExrReaderMultiPart, NamedLayerInAnotherPart) {
    const Frame frame = readExr(path, "diffuse");
    EXPECT_EQ(frame.dataWindow, (PixelWindow{1, 1, 17, 8}));
    EXPECT_FALSE(frame.hasAlpha);
    EXPECT_EQ(frame.sourcePixelType, PixelType::Float);
    EXPECT_TRUE(pixelsMatch(frame, layerPixels(100.0f, false)));
}

TEST_F(ExrReaderMultiPart, PartNameSelectsThatPart) {
    // beauty also holds spec.*: its name means its unnamed layer.
    EXPECT_TRUE(pixelsMatch(readExr(path, "beauty"), layerPixels(0.0f, true)));
    EXPECT_TRUE(pixelsMatch(readExr(path, "spec"), layerPixels(50.0f, false)));
    EXPECT_TRUE(pixelsMatch(readExr(path, "diffusePass"), layerPixels(100.0f, false)));
}

TEST_F(ExrReaderMultiPart, UnknownLayerListsTheLayers) {
    const std::string message = errorOf([&] { readExr(path, "specular"); });
    EXPECT_NE(message.find(path), std::string::npos) << message;
    EXPECT_NE(message.find("'specular'"), std::string::npos) << message;
    EXPECT_NE(message.find("diffuse"), std::string::npos) << message;
    EXPECT_NE(message.find("beauty"), std::string::npos) << message;
    // A part with no colour channels is not a layer one can read.
    EXPECT_NE(errorOf([&] { readExr(path, "depth"); }).find("no colour channels"),
              std::string::npos);
}

TEST(ExrReaderLayout, LayersInOnePart) {
    TempDir dir;
    auto channels = layerChannels("", "RGBA", 0.0f, Imf::HALF);
    for (auto& ch : layerChannels("spec.", "RGB", 10.0f, Imf::HALF)) channels.push_back(ch);
    for (auto& ch : layerChannels("light.key.", "RGBA", -20.0f, Imf::HALF)) channels.push_back(ch);
    const Box2i window(V2i(0, 0), V2i(12, 6));
    writeScanlineFile(dir.file("l.exr"), Imf::Header(window, window), channels);

    EXPECT_TRUE(pixelsMatch(readExr(dir.file("l.exr")), layerPixels(0.0f, true)));
    const Frame spec = readExr(dir.file("l.exr"), "spec");
    EXPECT_FALSE(spec.hasAlpha);
    EXPECT_TRUE(pixelsMatch(spec, layerPixels(10.0f, false)));
    EXPECT_TRUE(pixelsMatch(readExr(dir.file("l.exr"), "light.key"), layerPixels(-20.0f, true)));
}

TEST(ExrReaderLayout, MissingColourChannelsReadAsZero) {
    TempDir dir;
    const Box2i window(V2i(0, 0), V2i(9, 4));
    writeScanlineFile(dir.file("g.exr"), Imf::Header(window, window),
                      layerChannels("", "G", 0.0f, Imf::HALF));
    EXPECT_TRUE(pixelsMatch(readExr(dir.file("g.exr")), [](int x, int y) {
        return std::array<float, 4>{0.0f, exactHalfValue(x, y, 1), 0.0f, 1.0f};
    }));
}

TEST(ExrReaderLayout, NoUnnamedLayerSaysWhichLayersExist) {
    TempDir dir;
    const Box2i window(V2i(0, 0), V2i(9, 4));
    writeScanlineFile(dir.file("d.exr"), Imf::Header(window, window),
                      layerChannels("diffuse.", "RGB", 0.0f, Imf::HALF));
    const std::string message = errorOf([&] { readExr(dir.file("d.exr")); });
    EXPECT_NE(message.find(dir.file("d.exr")), std::string::npos) << message;
    EXPECT_NE(message.find("diffuse"), std::string::npos) << message;
}

TEST(ExrReaderLayout, DeepImagesAreRefused) {
    TempDir dir;
    writeDeepFile(dir.file("deep.exr"));
    const std::string message = errorOf([&] { readExr(dir.file("deep.exr")); });
    EXPECT_NE(message.find(dir.file("deep.exr")), std::string::npos) << message;
    EXPECT_NE(message.find("deep"), std::string::npos) << message;
}

}  // namespace
}  // namespace tinct::test
