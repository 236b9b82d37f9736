// `tinct scopes` as a user runs it: files named by kind (and frame), JSON counts that add up.
#include <gtest/gtest.h>

#include <png.h>

#include <fstream>
#include <numeric>
#include <set>

#include <nlohmann/json.hpp>

#include "tests/support/ExrOracle.h"
#include "tests/support/RunTinct.h"
#include "tests/support/TempDir.h"

using namespace tinct::test;

namespace {

// Width and height of a PNG, read with libpng.
std::pair<int, int> pngSize(const std::string& path) {
    png_image image{};
    image.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_file(&image, path.c_str())) return {0, 0};
    png_image_free(&image);
    return {int(image.width), int(image.height)};
}

}  // namespace

TEST(ScopesCommand, WritesOneImagePerKindAndCountsThatAddUp) {
    TempDir dir;
    ASSERT_EQ(runTinct({"sample", "-o", dir.file("s"), "--size", "320x180", "--count", "2"}).exitCode, 0);
    const auto r = runTinct({"scopes", dir.file("s/sample.1001.exr"), "-o", dir.file("scopes"), "--json", "--size",
                             "400x200", "--display", "sRGB", "--view", "ACES 1.0 - SDR Video"}, {"OCIO="});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    for (const char* kind : {"waveform", "parade", "histogram"}) EXPECT_EQ(pngSize(dir.file(std::string("scopes/") + kind + ".png")), std::make_pair(400, 200)) << kind;
    for (const char* kind : {"vectorscope", "cie"}) EXPECT_EQ(pngSize(dir.file(std::string("scopes/") + kind + ".png")), std::make_pair(200, 200)) << kind;

    std::ifstream file(dir.file("scopes/scopes.json"));
    const auto j = nlohmann::json::parse(file);
    const auto& h = j["histogram"];
    EXPECT_EQ(h["bins"], 1024);
    for (const char* c : {"r", "g", "b", "luma"}) {
        ASSERT_EQ(h[c].size(), 1024u) << c;
        const auto counts = h[c].get<std::vector<uint64_t>>();
        const uint64_t total = std::accumulate(counts.begin(), counts.end(), uint64_t(0)) + h["underflow"][c].get<uint64_t>() +
                               h["overflow"][c].get<uint64_t>();
        EXPECT_EQ(total, 320u * 180u) << c;  // every pixel counted exactly once per channel
    }
    EXPECT_EQ(j["waveform"]["columns"], 400);
    EXPECT_EQ(j["vectorscope"]["size"], 200);
}

TEST(ScopesCommand, SequencesGetFrameNumbersAndBadKindsAreRefused) {
    TempDir dir;
    ASSERT_EQ(runTinct({"sample", "-o", dir.file("s"), "--size", "128x72", "--count", "3"}).exitCode, 0);
    const auto r = runTinct({"scopes", dir.file("s/sample.####.exr"), "-o", dir.file("out"), "--frames", "1002-1003",
                             "--kinds", "histogram,vectorscope", "--size", "128x64"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const std::vector<std::string> expected = {"histogram.1002.png", "histogram.1003.png", "vectorscope.1002.png",
                                               "vectorscope.1003.png"};
    std::vector<std::string> names;
    for (const auto& e : std::filesystem::directory_iterator(dir.file("out"))) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    EXPECT_EQ(names, expected);

    const auto bad = runTinct({"scopes", dir.file("s/sample.1001.exr"), "-o", dir.file("bad"), "--kinds", "waveform,oscilloscope"});
    EXPECT_EQ(bad.exitCode, 1);
    EXPECT_NE(bad.err.find("oscilloscope"), std::string::npos) << bad.err;
}

TEST(ScopesCommand, AGreyRampDrawsAStraightWaveformLineInThePng) {
    // A ramp across a frame made with OpenEXR, one value per column at the centre of a waveform
    // level; the PNG's lit trace pixels (green above red: the graticule is amber) against a
    // reference drawn here. Threshold: 95% overlap (Jaccard); the rest is graticule crossings.
    TempDir dir;
    const int width = 640, height = 40, levels = 256, columns = 320;
    std::vector<float> px(size_t(width) * height * 4);
    std::vector<int> levelOf(width);
    for (int x = 0; x < width; ++x) {
        levelOf[x] = 20 + (x * 200) / width;
        const float v = -0.05f + (levelOf[x] + 0.5f) * 1.15f / levels;  // the waveform spans -0.05..1.10
        for (int y = 0; y < height; ++y) {
            float* p = &px[(size_t(y) * width + x) * 4];
            p[0] = p[1] = p[2] = v;
            p[3] = 1.0f;
        }
    }
    writeExrWithOpenExr(dir.file("ramp.exr"), Imf::Header(width, height), px);
    const auto r = runTinct({"scopes", dir.file("ramp.exr"), "-o", dir.file("out"), "--kinds", "waveform", "--size", "320x256"});
    ASSERT_EQ(r.exitCode, 0) << r.err;

    png_image image{};
    image.version = PNG_IMAGE_VERSION;
    ASSERT_TRUE(png_image_begin_read_from_file(&image, dir.file("out/waveform.png").c_str()));
    image.format = PNG_FORMAT_RGB;
    std::vector<uint8_t> rgb(PNG_IMAGE_SIZE(image));
    ASSERT_TRUE(png_image_finish_read(&image, nullptr, rgb.data(), 0, nullptr));
    std::set<size_t> lit, reference;
    for (int y = 0; y < int(image.height); ++y)
        for (int x = 0; x < int(image.width); ++x) {
            const uint8_t* p = &rgb[(size_t(y) * image.width + x) * 3];
            if (p[1] > 100 && p[1] >= p[0]) lit.insert(size_t(y) * image.width + x);
        }
    for (int x = 0; x < width; ++x)  // every level of the frame columns in a scope column
        reference.insert(size_t(255 - levelOf[x]) * image.width + (x * columns) / width);
    size_t shared = 0;
    for (size_t p : lit) shared += reference.count(p);
    const double jaccard = double(shared) / double(lit.size() + reference.size() - shared);
    EXPECT_GE(jaccard, 0.95) << lit.size() << " lit, " << reference.size() << " expected";
}
