// Reading movies and scans: media made here by the ffmpeg program, decoded by `tinct render` (FFmpeg's
// decoder, then Tinct's own YUV to RGB pass on the GPU) into float EXR, and compared with ffmpeg's own
// decode and swscale conversion of the same file (same matrix and range, from the file's tags).
#include <gtest/gtest.h>

#include <iostream>
#include <string>

#include "tests/support/MediaOracle.h"
#include "tests/support/RunTinct.h"
#include "tests/support/TempDir.h"

using namespace tinct::test;

namespace {

struct DecodeCase {
    const char* name;
    const char* file;     // made in the test
    const char* encode;   // ffmpeg output options
    bool fullChroma;      // 4:4:4 or RGB: compared per value; else by PSNR
    bool alpha;
};

// Tolerances. 4:4:4 and RGB: 1e-3, a quarter of a 10-bit code step above float rounding noise; both
// sides invert the same integer codes with the same matrix, so only arithmetic order differs.
// 4:2:x: PSNR >= 50 dB; Tinct interpolates chroma bilinearly at the stream's siting, swscale with its
// own filter, so they differ slightly where chroma changes (the chart keeps that small).
constexpr double kFullChromaTolerance = 1e-3;
constexpr double kSubsampledPsnr = 50.0;



class MovieDecodeTest : public ::testing::TestWithParam<DecodeCase> {};

TEST_P(MovieDecodeTest, MatchesFfmpegsOwnConversion) {
    const DecodeCase& c = GetParam();
    TempDir dir;
    const std::string raw = dir.file("chart.raw"), media = dir.file(c.file);
    writeRawChart(raw, 256, 144, 3);
    const bool still = std::string(c.file).find(".dpx") != std::string::npos;
    ASSERT_EQ(ffmpeg("-f rawvideo -pix_fmt gbrapf32le -s 256x144 -r 24000/1001 -i " + quote(raw) + " " + c.encode + (still ? "" : " -colorspace bt709 -color_primaries bt709 -color_trc bt709 -color_range tv") + " " + quote(media)), 0)
        << "ffmpeg could not make " << c.file;
    const std::string out = dir.file("out.####.exr");
    std::vector<std::string> args = {"render", "-i", media, "-o", out, "--pixel-type", "float"};
    if (!still) args.insert(args.end(), {"--frames", "1-1"});
    const RunResult r = runTinct(args);
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const Picture tinct = readExrPicture(still ? dir.file("out.0000.exr") : dir.file("out.0001.exr"));
    const Picture oracle = ffmpegDecode(media, still ? 0 : 1);
    std::cout << c.name << ": max difference " << maxDifference(tinct, oracle, c.alpha) << ", PSNR " << psnr(tinct, oracle)
              << " dB\n";
    if (c.fullChroma) {
        EXPECT_LE(maxDifference(tinct, oracle, c.alpha), kFullChromaTolerance) << describeDifference(tinct, oracle);
    } else {
        EXPECT_GE(psnr(tinct, oracle), kSubsampledPsnr) << describeDifference(tinct, oracle);
    }
}

INSTANTIATE_TEST_SUITE_P(
    Codecs, MovieDecodeTest,
    ::testing::Values(
        DecodeCase{"ProRes4444", "p4444.mov",
                   "-vf scale=out_color_matrix=bt709:out_range=tv,format=yuva444p10le -c:v prores_ks -profile:v 4444", true, true},
        DecodeCase{"ProRes422HQ", "p422.mov",
                   "-vf scale=out_color_matrix=bt709:out_range=tv,format=yuv422p10le -c:v prores_ks -profile:v hq", false, false},
        DecodeCase{"DNxHR_HQX", "dnx.mov",
                   "-vf scale=out_color_matrix=bt709:out_range=tv,format=yuv422p10le -c:v dnxhd -profile:v dnxhr_hqx", false, false},
        DecodeCase{"H264", "h264.mp4",
                   "-vf scale=out_color_matrix=bt709:out_range=tv,format=yuv420p -c:v libx264 -crf 10", false, false},
        DecodeCase{"FFV1", "ffv1.mkv", "-vf scale=out_color_matrix=bt709:out_range=tv,format=yuv444p10le -c:v ffv1", true, false},
        DecodeCase{"Dpx10", "scan.dpx", "-frames:v 1 -vf format=gbrp10le -c:v dpx", true, false}),
    [](const auto& info) { return std::string(info.param.name); });

}  // namespace
