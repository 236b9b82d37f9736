// The CLI turns on OpenEXR's global thread pool; reading, writing and failing must behave the
// same with worker threads decoding and encoding lines and tiles.
#include "engine/Error.h"
#include "engine/io/ExrReader.h"
#include "engine/io/ExrWriter.h"
#include "tests/support/ExrTestFiles.h"
#include "tests/io/FrameChecks.h"

#include <ImfThreading.h>
#include <gtest/gtest.h>

namespace tinct::test {
namespace {

class ExrWithThreads : public ::testing::Test {
protected:
    void SetUp() override {
        previous_ = Imf::globalThreadCount();
        Imf::setGlobalThreadCount(4);
    }
    void TearDown() override { Imf::setGlobalThreadCount(previous_); }

private:
    int previous_ = 0;
};

std::array<float, 4> expected(int x, int y) {
    return {exactHalfValue(x, y, 0), exactHalfValue(x, y, 1), exactHalfValue(x, y, 2),
            exactHalfValue(x, y, 3)};
}

TEST_F(ExrWithThreads, ReadsScanlineAndTiledFiles) {
    TempDir dir;
    const Imath::Box2i display({0, 0}, {99, 49}), data({-9, -4}, {90, 57});
    writeRgbaFile(dir.file("s.exr"), display, data, Imf::WRITE_RGBA, Imf::PIZ_COMPRESSION);
    writeRgbaFile(dir.file("t.exr"), display, data, Imf::WRITE_RGBA, Imf::ZIP_COMPRESSION, 16);
    EXPECT_TRUE(pixelsMatch(readExr(dir.file("s.exr")), expected));
    EXPECT_TRUE(pixelsMatch(readExr(dir.file("t.exr")), expected));
}

TEST_F(ExrWithThreads, WritesAndReportsTruncation) {
    TempDir dir;
    Frame frame = makeFrame(100, 60);
    frame.hasAlpha = true;
    for (int y = 0; y < frame.height; ++y)
        for (int x = 0; x < frame.width; ++x)
            for (int c = 0; c < 4; ++c)
                frame.rgba[(size_t(y) * frame.width + x) * 4 + c] = exactHalfValue(x, y, c);
    writeExr(dir.file("w.exr"), frame, {PixelType::Half, ExrCompression::Zips});
    const ReadBack file = readWithOpenExr(dir.file("w.exr"));
    for (int c = 0; c < 4; ++c)
        for (size_t i = 0; i < file.channels.at("R").size(); ++i)
            ASSERT_EQ(file.channels.at(std::string(1, "RGBA"[c]))[i],
                      exactHalfValue(int(i % 100), int(i / 100), c));

    std::filesystem::resize_file(dir.file("w.exr"), std::filesystem::file_size(dir.file("w.exr")) / 2);
    try {
        readExr(dir.file("w.exr"));
        FAIL() << "expected tinct::Error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find(dir.file("w.exr")), std::string::npos) << e.what();
    }
}

}  // namespace
}  // namespace tinct::test
