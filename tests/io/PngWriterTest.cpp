// PNG output checked against libpng's own reader: what a viewer decodes is exactly what was
// written, and a failed write leaves nothing behind.
#include "engine/Error.h"
#include "engine/io/PngWriter.h"
#include "tests/support/TempDir.h"

#include <gtest/gtest.h>
#include <png.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csetjmp>
#include <cstdio>
#include <fstream>
#include <map>

namespace tinct::test {
namespace {

// What libpng's classic reading API finds in a file: the oracle for these tests.
struct DecodedPng {
    bool ok = false;
    char message[256] = {};
    png_uint_32 width = 0, height = 0;
    int bitDepth = 0, colorType = 0, interlace = 0;
    std::vector<uint8_t> pixels;  // as stored: 3 or 4 bytes a pixel
    std::map<std::string, std::string> text;
};

[[noreturn]] void onReadError(png_structp png, png_const_charp message) {
    auto* out = static_cast<DecodedPng*>(png_get_error_ptr(png));
    std::snprintf(out->message, sizeof out->message, "%s", message);
    png_longjmp(png, 1);
}

// No object with a destructor is created in this frame after setjmp; the vector and map it fills
// live in the caller's frame, which the longjmp does not leave.
void decodeInto(std::FILE* file, DecodedPng* out) {
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, out, onReadError, nullptr);
    png_infop info = png ? png_create_info_struct(png) : nullptr;
    if (!png || !info) {
        png_destroy_read_struct(&png, &info, nullptr);
        return;
    }
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_read_struct(&png, &info, nullptr);
        return;
    }
    png_init_io(png, file);
    png_read_info(png, info);
    png_get_IHDR(png, info, &out->width, &out->height, &out->bitDepth, &out->colorType, &out->interlace, nullptr,
                 nullptr);
    const size_t rowBytes = png_get_rowbytes(png, info);
    out->pixels.resize(rowBytes * out->height);
    for (png_uint_32 y = 0; y < out->height; ++y) png_read_row(png, out->pixels.data() + rowBytes * y, nullptr);
    png_read_end(png, info);
    png_textp text = nullptr;
    int count = 0;
    png_get_text(png, info, &text, &count);
    for (int i = 0; i < count; ++i) out->text[text[i].key] = text[i].text;
    png_destroy_read_struct(&png, &info, nullptr);
    out->ok = true;
}

DecodedPng decode(const std::string& path) {
    DecodedPng out;
    std::FILE* file = std::fopen(path.c_str(), "rb");
    if (!file) {
        std::snprintf(out.message, sizeof out.message, "cannot open");
        return out;
    }
    decodeInto(file, &out);
    std::fclose(file);
    return out;
}

// Every byte value occurs, neighbouring pixels and channels differ, and an odd width makes a
// wrong row stride visible.
std::vector<uint8_t> pattern(int width, int height) {
    std::vector<uint8_t> rgba(static_cast<size_t>(width) * height * 4);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            for (int c = 0; c < 4; ++c)
                rgba[(static_cast<size_t>(y) * width + x) * 4 + c] = static_cast<uint8_t>(x * 7 + y * 31 + c * 64 + x * y);
    return rgba;
}

std::string writeError(const std::string& path, int width, int height, const std::vector<uint8_t>& rgba,
                       bool withAlpha = false) {
    try {
        writePng(path, width, height, rgba, withAlpha);
    } catch (const Error& e) {
        return e.what();
    }
    return "(no error)";
}

TEST(PngWriter, RgbMatchesLibpngsDecodeExactly) {
    TempDir dir;
    const int width = 37, height = 23;
    const auto rgba = pattern(width, height);
    writePng(dir.file("rgb.png"), width, height, rgba);

    const DecodedPng png = decode(dir.file("rgb.png"));
    ASSERT_TRUE(png.ok) << png.message;
    EXPECT_EQ(png.width, png_uint_32(width));
    EXPECT_EQ(png.height, png_uint_32(height));
    EXPECT_EQ(png.bitDepth, 8);
    EXPECT_EQ(png.colorType, PNG_COLOR_TYPE_RGB);
    EXPECT_EQ(png.interlace, PNG_INTERLACE_NONE);
    ASSERT_EQ(png.pixels.size(), size_t(width) * height * 3);
    // Exact: PNG is lossless, so any difference is a bug, not rounding.
    size_t mismatches = 0;
    for (size_t p = 0; p < size_t(width) * height; ++p)
        for (int c = 0; c < 3; ++c) mismatches += png.pixels[p * 3 + c] != rgba[p * 4 + c];
    EXPECT_EQ(mismatches, 0u);
    EXPECT_EQ(png.text.count("Software"), 1u);
    EXPECT_EQ(png.text.at("Software"), "Tinct");
    EXPECT_EQ(dir.entries(), std::vector<std::string>{"rgb.png"});  // no temporary left beside it
}

TEST(PngWriter, RgbaKeepsAlphaExactly) {
    TempDir dir;
    const int width = 16, height = 17;
    const auto rgba = pattern(width, height);
    writePng(dir.file("rgba.png"), width, height, rgba, true);

    const DecodedPng png = decode(dir.file("rgba.png"));
    ASSERT_TRUE(png.ok) << png.message;
    EXPECT_EQ(png.bitDepth, 8);
    EXPECT_EQ(png.colorType, PNG_COLOR_TYPE_RGB_ALPHA);
    EXPECT_EQ(png.pixels, rgba);  // byte for byte, alpha included (straight, not premultiplied)
    EXPECT_EQ(png.text.at("Software"), "Tinct");
}

TEST(PngWriter, OnePixel) {
    TempDir dir;
    writePng(dir.file("one.png"), 1, 1, {10, 200, 30, 77});
    const DecodedPng png = decode(dir.file("one.png"));
    ASSERT_TRUE(png.ok) << png.message;
    EXPECT_EQ(png.pixels, (std::vector<uint8_t>{10, 200, 30}));
}

TEST(PngWriter, ReplacesAnExistingFileWhole) {
    TempDir dir;
    std::ofstream(dir.file("out.png")) << "previous capture";
    writePng(dir.file("out.png"), 4, 3, pattern(4, 3));
    const DecodedPng png = decode(dir.file("out.png"));
    ASSERT_TRUE(png.ok) << png.message;
    EXPECT_EQ(png.width, 4u);
    EXPECT_EQ(dir.entries(), std::vector<std::string>{"out.png"});
}

TEST(PngWriterFailure, MissingDirectory) {
    TempDir dir;
    const std::string path = dir.file("no/such/dir/out.png");
    const std::string message = writeError(path, 4, 3, pattern(4, 3));
    EXPECT_NE(message.find(path), std::string::npos) << message;
    EXPECT_TRUE(dir.entries().empty());
}

TEST(PngWriterFailure, ParentIsARegularFile) {
    // Fails even for root, unlike a permission test.
    TempDir dir;
    std::ofstream(dir.file("file")) << "not a directory";
    const std::string path = dir.file("file/out.png");
    const std::string message = writeError(path, 4, 3, pattern(4, 3));
    EXPECT_NE(message.find(path), std::string::npos) << message;
    EXPECT_EQ(dir.entries(), std::vector<std::string>{"file"});
}

TEST(PngWriterFailure, ReadOnlyDirectory) {
    TempDir dir;
    const auto locked = dir.path() / "locked";
    std::filesystem::create_directory(locked);
    ::chmod(locked.c_str(), 0555);
    if (::access(locked.c_str(), W_OK) == 0) {
        ::chmod(locked.c_str(), 0755);
        GTEST_SKIP() << "running with privileges that ignore directory permissions";
    }
    const std::string path = (locked / "out.png").string();
    const std::string message = writeError(path, 4, 3, pattern(4, 3));
    ::chmod(locked.c_str(), 0755);
    EXPECT_NE(message.find(path), std::string::npos) << message;
    EXPECT_TRUE(std::filesystem::is_empty(locked));
}

TEST(PngWriterFailure, RenameOntoADirectoryLeavesNoTemporary) {
    // The whole PNG is encoded, then the final rename fails: the latest point a write can fail.
    TempDir dir;
    std::filesystem::create_directories(dir.path() / "out.png" / "occupied");
    const std::string message = writeError(dir.file("out.png"), 4, 3, pattern(4, 3));
    EXPECT_NE(message.find(dir.file("out.png")), std::string::npos) << message;
    EXPECT_EQ(dir.entries(), std::vector<std::string>{"out.png"});
    EXPECT_TRUE(std::filesystem::is_directory(dir.path() / "out.png" / "occupied"));
}

TEST(PngWriterFailure, LibpngErrorBecomesAnErrorAndLeavesNoTemporary) {
    // libpng refuses widths over its default user limit (1,000,000) in png_set_IHDR, after the
    // temporary is open: the error callback / longjmp path.
    TempDir dir;
    const int width = 1000001;
    const std::string path = dir.file("wide.png");
    const std::string message = writeError(path, width, 1, std::vector<uint8_t>(size_t(width) * 4, 0));
    EXPECT_NE(message.find(path), std::string::npos) << message;
    EXPECT_NE(message.find("IHDR"), std::string::npos) << message;  // libpng's own words survive
    EXPECT_TRUE(dir.entries().empty());
}

TEST(PngWriterFailure, WrongBufferSizeOrEmptyImageIsRefused) {
    TempDir dir;
    const std::string path = dir.file("bad.png");
    std::string message = writeError(path, 4, 3, std::vector<uint8_t>(4 * 3 * 3));  // RGB-sized buffer
    EXPECT_NE(message.find(path), std::string::npos) << message;
    message = writeError(path, 0, 3, {});
    EXPECT_NE(message.find(path), std::string::npos) << message;
    message = writeError(path, 4, -1, {});
    EXPECT_NE(message.find(path), std::string::npos) << message;
    EXPECT_TRUE(dir.entries().empty());
}

}  // namespace
}  // namespace tinct::test
