// Writing scans and review copies: a float chart written as 10-bit DPX and 16-bit PNG sequences is
// read back by ffmpeg's own decoders and compared with the chart by a closed form (code / (2^n - 1));
// an H.264 review copy is decoded by ffmpeg and held to a plain quality floor.
#include <gtest/gtest.h>

#include "engine/io/ExrWriter.h"
#include "tests/support/MediaOracle.h"
#include "tests/support/RunTinct.h"
#include "tests/support/TempDir.h"

using namespace tinct::test;

namespace {

constexpr int kW = 96, kH = 64;

void writeChartExr(const std::string& path) {
    tinct::Frame f = tinct::makeFrame(kW, kH);
    f.rgba = smoothChart(kW, kH).rgba;
    tinct::writeExr(path, f, {tinct::PixelType::Float, tinct::ExrCompression::Zip});
}

struct ScanCase {
    const char* name;
    const char* pattern;
    double tolerance;  // half a code step of the format, plus float rounding
};

class ScanWriteTest : public ::testing::TestWithParam<ScanCase> {};

TEST_P(ScanWriteTest, CodesAreTheChartRounded) {
    const ScanCase& c = GetParam();
    TempDir dir;
    writeChartExr(dir.file("chart.0001.exr"));
    const RunResult r = runTinct({"render", "-i", dir.file("chart.####.exr"), "-o", dir.file(c.pattern)});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    std::string written = c.pattern;
    written.replace(written.find("####"), 4, "0001");
    Picture chart = smoothChart(kW, kH);
    const Picture back = ffmpegDecode(dir.file(written));
    EXPECT_LE(maxDifference(back, chart), c.tolerance) << describeDifference(back, chart);
}

INSTANTIATE_TEST_SUITE_P(Formats, ScanWriteTest,
                         ::testing::Values(ScanCase{"Dpx10", "scan.####.dpx", 0.5 / 1023 + 1e-6},
                                           ScanCase{"Png16", "still.####.png", 0.5 / 65535 + 1e-6},
                                           ScanCase{"Tiff16", "still.####.tif", 0.5 / 65535 + 1e-6}),
                         [](const auto& info) { return std::string(info.param.name); });

// A lossy 8-bit 4:2:0 review copy: 40 dB is far below what x264 at CRF 12 gives a smooth chart, and far
// above what a wrong matrix, range or chroma placement would allow (those cost 20-30 dB).
TEST(ReviewCopy, H264DecodesCloseToTheChart) {
    TempDir dir;
    writeChartExr(dir.file("chart.0001.exr"));
    const RunResult r = runTinct({"render", "-i", dir.file("chart.0001.exr"), "-o", dir.file("review.mp4"), "--codec", "h264", "--crf", "12"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_GE(psnr(ffmpegDecode(dir.file("review.mp4")), smoothChart(kW, kH)), 40.0);
}

}  // namespace
