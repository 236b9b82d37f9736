// Bad inputs give a tinct::Error that names the file, never a crash or an OpenEXR exception.
#include "engine/Error.h"
#include "engine/io/ExrInfo.h"
#include "engine/io/ExrReader.h"
#include "tests/support/ExrTestFiles.h"

#include <ImfCompression.h>
#include <gtest/gtest.h>

#include <fstream>
#include <random>

namespace tinct::test {
namespace {

using Imath::Box2i;
using Imath::V2i;

std::string readError(const std::string& path) {
    try {
        readExr(path);
    } catch (const Error& e) {
        return e.what();
    }
    return "(no error)";
}

// Noise does not compress, so the pixel data is most of the file and cutting it loses lines.
void writeNoiseFile(const std::string& path) {
    std::mt19937 random(7);
    std::uniform_real_distribution<float> noise(-1.0f, 4.0f);
    std::vector<TestChannel> channels;
    for (const char* name : {"R", "G", "B"})
        channels.push_back({name, Imf::FLOAT, [&](int, int) { return noise(random); }});
    const Box2i window(V2i(0, 0), V2i(63, 63));
    Imf::Header header(window, window);
    header.compression() = Imf::ZIP_COMPRESSION;
    writeScanlineFile(path, header, channels);
}

void truncateTo(const std::string& path, std::uintmax_t size) {
    std::filesystem::resize_file(path, size);
}

TEST(ExrReaderErrors, MissingFile) {
    TempDir dir;
    const std::string message = readError(dir.file("nope.exr"));
    EXPECT_NE(message.find(dir.file("nope.exr")), std::string::npos) << message;
    EXPECT_NE(message.find("no such file"), std::string::npos) << message;
}

TEST(ExrReaderErrors, Directory) {
    TempDir dir;
    const std::string message = readError(dir.path().string());
    EXPECT_NE(message.find(dir.path().string()), std::string::npos) << message;
}

TEST(ExrReaderErrors, NotAnExr) {
    TempDir dir;
    std::ofstream(dir.file("garbage.exr")) << std::string(2000, 'x');
    const std::string message = readError(dir.file("garbage.exr"));
    EXPECT_NE(message.find(dir.file("garbage.exr")), std::string::npos) << message;
}

TEST(ExrReaderErrors, EmptyFile) {
    TempDir dir;
    std::ofstream(dir.file("empty.exr")).flush();
    const std::string message = readError(dir.file("empty.exr"));
    EXPECT_NE(message.find(dir.file("empty.exr")), std::string::npos) << message;
}

TEST(ExrReaderErrors, TruncatedInHeader) {
    TempDir dir;
    writeNoiseFile(dir.file("cut.exr"));
    truncateTo(dir.file("cut.exr"), 40);
    const std::string message = readError(dir.file("cut.exr"));
    EXPECT_NE(message.find(dir.file("cut.exr")), std::string::npos) << message;
}

TEST(ExrReaderErrors, TruncatedInPixels) {
    TempDir dir;
    writeNoiseFile(dir.file("cut.exr"));
    truncateTo(dir.file("cut.exr"), std::filesystem::file_size(dir.file("cut.exr")) * 6 / 10);
    const std::string message = readError(dir.file("cut.exr"));
    EXPECT_NE(message.find(dir.file("cut.exr")), std::string::npos) << message;
}

TEST(ExrReaderErrors, InfoNeedsOnlyTheHeaders) {
    TempDir dir;
    writeNoiseFile(dir.file("cut.exr"));
    truncateTo(dir.file("cut.exr"), std::filesystem::file_size(dir.file("cut.exr")) * 6 / 10);
    EXPECT_EQ(describeExr(dir.file("cut.exr"))["parts"][0]["dataWindow"]["width"], 64);
}

TEST(ExrReaderErrors, InfoOnMissingOrGarbage) {
    TempDir dir;
    std::ofstream(dir.file("garbage.exr")) << "not an image";
    for (const std::string& path : {dir.file("nope.exr"), dir.file("garbage.exr")}) {
        try {
            describeExr(path);
            ADD_FAILURE() << "expected tinct::Error for " << path;
        } catch (const Error& e) {
            EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << e.what();
        }
    }
}

}  // namespace
}  // namespace tinct::test
