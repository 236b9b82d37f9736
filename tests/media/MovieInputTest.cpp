// Frame-accurate access and bad input: a movie with keyframes every 5 frames and B-frames is read at
// a frame in the middle (a seek and a decode forward), compared with ffmpeg's own decode of that
// frame; damaged, mislabelled and unsupported files fail with the file named and nothing written.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "tests/support/MediaOracle.h"
#include "tests/support/RunTinct.h"
#include "tests/support/TempDir.h"

using namespace tinct::test;
namespace fs = std::filesystem;

namespace {

// 4:2:0 chroma: see MovieDecodeTest for why PSNR and why 50 dB.
constexpr double kSubsampledPsnr = 50.0;

TEST(MovieInput, ReadsTheFrameAskedForAfterASeek) {
    TempDir dir;
    const std::string movie = dir.file("gop.mp4"), raw = dir.file("chart.raw");
    writeRawChart(raw, 256, 144, 12);  // the smooth chart, its blue wave moving from frame to frame
    ASSERT_EQ(ffmpeg("-f rawvideo -pix_fmt gbrapf32le -s 256x144 -r 25 -i " + quote(raw) +
                     " -vf scale=out_color_matrix=bt709:out_range=tv,format=yuv420p -c:v libx264 -g 5 -bf 2 -crf 12 "
                     "-colorspace bt709 -color_primaries bt709 -color_trc bt709 -color_range tv " + quote(movie)),
              0);
    const RunResult r = runTinct({"render", "-i", movie, "-o", dir.file("f.####.exr"), "--frames", "7-8", "--pixel-type", "float"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const Picture seven = readExrPicture(dir.file("f.0007.exr"));
    EXPECT_GE(psnr(seven, ffmpegDecode(movie, 7)), kSubsampledPsnr);
    // The neighbours differ, so a frame off by one would fail the line above.
    EXPECT_LT(psnr(seven, ffmpegDecode(movie, 6)), 40.0);
    EXPECT_GE(psnr(readExrPicture(dir.file("f.0008.exr")), ffmpegDecode(movie, 8)), kSubsampledPsnr);
}

TEST(MovieInput, FramesOutsideTheMovieAreRefused) {
    TempDir dir;
    const std::string movie = dir.file("short.mov");
    ASSERT_EQ(ffmpeg("-f lavfi -i testsrc2=size=64x48:rate=24 -frames:v 3 -c:v prores_ks " + quote(movie)), 0);
    const RunResult r = runTinct({"render", "-i", movie, "-o", dir.file("f.####.exr"), "--frames", "2-5"});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("short.mov"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("0-2"), std::string::npos) << r.err;
}

// What every bad input must do: exit 1, name the file, leave only the input behind.
void expectCleanFailure(const TempDir& dir, const RunResult& r, const std::string& name, const std::string& problem) {
    EXPECT_EQ(r.exitCode, 1) << r.err;
    EXPECT_NE(r.err.find(name), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(problem), std::string::npos) << r.err;
    EXPECT_EQ(dir.entries(), std::vector<std::string>{name}) << "nothing but the input may be left";
}

TEST(MovieInput, TruncatedMovieNamesTheLastGoodFrame) {
    TempDir dir;
    const std::string movie = dir.file("cut.mov");
    ASSERT_EQ(ffmpeg("-f lavfi -i testsrc2=size=128x72:rate=24 -frames:v 12 -c:v prores_ks -profile:v proxy -movflags +faststart " +
                     quote(movie)),
              0);
    fs::resize_file(movie, fs::file_size(movie) * 6 / 10);  // the index survives, the last frames' data does not
    const RunResult r = runTinct({"render", "-i", movie, "-o", dir.file("graded.mov")});
    expectCleanFailure(dir, r, "cut.mov", "last good frame");
}

TEST(MovieInput, WrongExtensionIsNamed) {
    TempDir dir;
    { std::ofstream(dir.file("notes.mov")) << "this is not a movie\n"; }
    const RunResult r = runTinct({"render", "-i", dir.file("notes.mov"), "-o", dir.file("graded.mov")});
    expectCleanFailure(dir, r, "notes.mov", "not a movie");
}

TEST(MovieInput, UnsupportedPixelFormatIsNamed) {
    TempDir dir;
    const std::string movie = dir.file("palette.mov");
    ASSERT_EQ(ffmpeg("-f lavfi -i testsrc2=size=64x48:rate=24 -frames:v 2 -pix_fmt pal8 -c:v png " + quote(movie)), 0);
    const RunResult r = runTinct({"render", "-i", movie, "-o", dir.file("graded.mov")});
    expectCleanFailure(dir, r, "palette.mov", "pal8");
}

TEST(MovieInput, DpxWithALyingHeaderIsNamed) {
    TempDir dir;
    const std::string scan = dir.file("scan.dpx");
    ASSERT_EQ(ffmpeg("-f lavfi -i testsrc2=size=128x72 -frames:v 1 -pix_fmt gbrp10le -c:v dpx " + quote(scan)), 0);
    // The header still promises 128x72 10-bit pixels; half of them are gone.
    fs::resize_file(scan, fs::file_size(scan) / 2);
    const RunResult r = runTinct({"render", "-i", scan, "-o", dir.file("graded.exr")});
    expectCleanFailure(dir, r, "scan.dpx", "damaged");
}

TEST(MovieInput, InfoDescribesAMovie) {
    TempDir dir;
    const std::string movie = dir.file("clip.mov");
    ASSERT_EQ(ffmpeg("-f lavfi -i testsrc2=size=64x48:rate=24000/1001 -frames:v 5 -vf setparams=colorspace=bt709:color_primaries=bt709:color_trc=bt709 "
                     "-c:v prores_ks -profile:v 4444 -pix_fmt yuva444p10le "
                     "-color_primaries bt709 -color_trc bt709 -colorspace bt709 -movflags +write_colr " + quote(movie)),
              0);
    const RunResult r = runTinct({"info", movie});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("24000/1001"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("5 frames"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("profile 4444"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("alpha"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("matrix bt709"), std::string::npos) << r.out;
}

}  // namespace

namespace {

// --frames by timecode: the movie starts at 01:00:00:20 at 24 fps, so 01:00:01:03 is frame 7.
TEST(MovieInput, FramesByTimecode) {
    TempDir dir;
    const std::string movie = dir.file("tc.mov"), raw = dir.file("chart.raw");
    writeRawChart(raw, 64, 48, 10);
    ASSERT_EQ(ffmpeg("-f rawvideo -pix_fmt gbrapf32le -s 64x48 -r 24 -i " + quote(raw) +
                     " -vf format=yuv444p10le -c:v prores_ks -profile:v 4444 -timecode 01:00:00:20 " + quote(movie)), 0);
    const RunResult r = runTinct({"render", "-i", movie, "-o", dir.file("f.####.exr"), "--frames", "01:00:01:03-01:00:01:03",
                                  "--pixel-type", "float"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_LE(maxDifference(readExrPicture(dir.file("f.0007.exr")), ffmpegDecode(movie, 7)), 1e-3);  // 4:4:4, as MovieDecodeTest
    const RunResult before = runTinct({"render", "-i", movie, "-o", dir.file("g.####.exr"), "--frames", "00:59:59:00-01:00:01:00"});
    EXPECT_EQ(before.exitCode, 1);
    EXPECT_NE(before.err.find("starts at 01:00:00:20"), std::string::npos) << before.err;
}

}  // namespace
