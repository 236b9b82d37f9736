// Writing movies: a chart made here is written by `tinct render` as ProRes, then read back by
// ffmpeg's own decoder and swscale (outside Tinct's path). Its quality is held against ffmpeg's own
// EXR-to-ProRes encode of the same frame.
#include <gtest/gtest.h>

#include <ImfInputFile.h>
#include <ImfStandardAttributes.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <iostream>

#include "engine/io/ExrWriter.h"
#include "tests/support/MediaOracle.h"
#include "tests/support/RunTinct.h"
#include "tests/support/TempDir.h"

using namespace tinct::test;

namespace {

constexpr int kW = 256, kH = 144;

// The chart as a float EXR frame, alpha included.
void writeChartExr(const std::string& path, int frame) {
    const Picture p = smoothChart(kW, kH, frame);
    tinct::Frame f = tinct::makeFrame(kW, kH);
    f.rgba = p.rgba;
    f.hasAlpha = true;
    tinct::writeExr(path, f, {tinct::PixelType::Float, tinct::ExrCompression::Zip});
}

nlohmann::json probeStream(const std::string& path) {
    const std::string out = commandOutput("ffprobe -v error -select_streams v:0 -show_entries "
                                          "stream=profile,pix_fmt,color_primaries,color_transfer,color_space,color_range,r_frame_rate,nb_frames"
                                          " -of json " + quote(path));
    return nlohmann::json::parse(out)["streams"][0];
}

struct EncodeCase {
    const char* name;
    const char* profile;        // --prores-profile
    const char* ffmpegProfile;  // what ffprobe calls it
    const char* pixelFormat;    // ffmpeg's encode of the same profile, and the decoder's report
};

class ProresEncodeTest : public ::testing::TestWithParam<EncodeCase> {};

// PSNR no worse than ffmpeg's own encode minus 0.5 dB: both quantise the same chart to 10-bit YUV
// and code it with prores_ks at the same profile, so only rounding and chroma filtering differ.
constexpr double kPsnrMargin = 0.5;

TEST_P(ProresEncodeTest, DecodesInFfmpegAsGoodAsItsOwnEncode) {
    const EncodeCase& c = GetParam();
    TempDir dir;
    writeChartExr(dir.file("chart.0000.exr"), 0);
    const std::string out = dir.file("master.mov"), reference = dir.file("reference.mov");
    const RunResult r = runTinct({"render", "-i", dir.file("chart.0000.exr"), "-o", out, "--codec", "prores", "--prores-profile",
                                  c.profile, "--tag-primaries", "bt709", "--tag-transfer", "bt709", "--tag-matrix", "bt709"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    ASSERT_EQ(ffmpeg("-i " + quote(dir.file("chart.0000.exr")) + " -vf scale=out_color_matrix=bt709:out_range=tv:flags=accurate_rnd+bitexact,format=" +
                     c.pixelFormat + ",setparams=colorspace=bt709:color_primaries=bt709:color_trc=bt709:range=tv -c:v prores_ks -profile:v " +
                     c.profile + " " + quote(reference)),
              0);

    const nlohmann::json s = probeStream(out);
    EXPECT_EQ(s["profile"], c.ffmpegProfile);
    EXPECT_EQ(s["pix_fmt"], probeStream(reference)["pix_fmt"]);
    EXPECT_EQ(s["color_primaries"], "bt709");
    EXPECT_EQ(s["color_transfer"], "bt709");
    EXPECT_EQ(s["color_space"], "bt709");
    EXPECT_EQ(s["color_range"], "tv");

    const Picture chart = smoothChart(kW, kH, 0);
    const Picture decoded = ffmpegDecode(out);
    const double ours = psnr(decoded, chart), theirs = psnr(ffmpegDecode(reference), chart);
    if (std::string(c.pixelFormat).rfind("yuva", 0) == 0) {
        // 4444 keeps alpha, losslessly at 10 bits: half a 10-bit step, plus up to one step of the 12-bit
        // codes the decoder rescales them to.
        double alpha = 0;
        for (size_t i = 3; i < chart.rgba.size(); i += 4) alpha = std::max(alpha, double(std::fabs(decoded.rgba[i] - chart.rgba[i])));
        std::cout << c.name << ": alpha max difference " << alpha << "\n";
        EXPECT_LE(alpha, 0.5 / 1023 + 1.0 / 4095);
    }
    std::cout << c.name << ": Tinct " << ours << " dB, ffmpeg's own encode " << theirs << " dB\n";
    EXPECT_GE(ours, theirs - kPsnrMargin) << "Tinct " << ours << " dB, ffmpeg " << theirs << " dB";
    EXPECT_EQ(dir.entries().size(), 3u) << "no temporary left beside the master";
}

INSTANTIATE_TEST_SUITE_P(Profiles, ProresEncodeTest,
                         ::testing::Values(EncodeCase{"P4444XQ", "4444xq", "XQ", "yuva444p10le"},
                                           EncodeCase{"P422HQ", "hq", "HQ", "yuv422p10le"}),
                         [](const auto& info) { return std::string(info.param.name); });

// A 23.976 movie with sound and a timecode: the master keeps the exact rate, the frame count, the
// timecode, and audio packets bit for bit (md5 of the copied stream as ffmpeg reads it).
TEST(MovieTiming, KeepsRateTimecodeAndAudio) {
    TempDir dir;
    const std::string source = dir.file("source.mov"), out = dir.file("master.mov");
    ASSERT_EQ(ffmpeg("-f lavfi -i testsrc2=size=256x144:rate=24000/1001 -f lavfi -i sine=frequency=440:sample_rate=48000 -t 0.5 "
                     "-c:v prores_ks -profile:v proxy -c:a pcm_s24le -timecode 01:00:10:05 " + quote(source)),
              0);
    const RunResult r = runTinct({"render", "-i", source, "-o", out, "--codec", "prores", "--prores-profile", "hq", "--audio", "copy"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const nlohmann::json s = probeStream(out), src = probeStream(source);
    EXPECT_EQ(s["r_frame_rate"], "24000/1001");
    EXPECT_EQ(s["nb_frames"], src["nb_frames"]);
    auto timecode = [](const std::string& path) {
        return commandOutput("ffprobe -v error -show_entries stream_tags=timecode -of csv=p=0 " + quote(path));
    };
    EXPECT_NE(timecode(out).find("01:00:10:05"), std::string::npos) << timecode(out);
    auto audioMd5 = [](const std::string& path) {
        return commandOutput("ffmpeg -hide_banner -loglevel error -i " + quote(path) + " -map 0:a -c copy -f md5 -");
    };
    EXPECT_FALSE(audioMd5(source).empty());
    EXPECT_EQ(audioMd5(out), audioMd5(source));

    const RunResult info = runTinct({"info", out, "--json"});
    ASSERT_EQ(info.exitCode, 0) << info.err;
    const nlohmann::json j = nlohmann::json::parse(info.out);
    EXPECT_EQ(j["frame_rate"], "24000/1001");
    EXPECT_EQ(j["frames"], std::stoi(src["nb_frames"].get<std::string>()));
    EXPECT_EQ(j["timecode"], "01:00:10:05");
    EXPECT_EQ(j["codec"], "prores");
    EXPECT_EQ(j["profile"], "HQ");
    ASSERT_EQ(j["audio"].size(), 1u);
    EXPECT_EQ(j["audio"][0]["codec"], "pcm_s24le");
    EXPECT_EQ(j["audio"][0]["sample_rate"], 48000);
}

// Timing survives both ways: EXR frames from a movie carry its rate and each frame's timecode
// (OpenEXR reads them back), and a movie made from those frames takes them up again (ffprobe reads it).
TEST(MovieTiming, CarriedBetweenMoviesAndExrFrames) {
    TempDir dir;
    const std::string source = dir.file("source.mov");
    ASSERT_EQ(ffmpeg("-f lavfi -i testsrc2=size=64x48:rate=24000/1001 -frames:v 4 -c:v prores_ks -profile:v proxy "
                     "-timecode 01:00:10:05 " + quote(source)),
              0);
    ASSERT_EQ(runTinct({"render", "-i", source, "-o", dir.file("f.####.exr"), "--frames", "2-3"}).exitCode, 0);
    Imf::InputFile exr(dir.file("f.0002.exr").c_str());
    ASSERT_TRUE(Imf::hasFramesPerSecond(exr.header()));
    EXPECT_EQ(Imf::framesPerSecond(exr.header()).n, 24000);
    EXPECT_EQ(Imf::framesPerSecond(exr.header()).d, 1001u);
    ASSERT_TRUE(Imf::hasTimeCode(exr.header()));
    EXPECT_EQ(Imf::timeCode(exr.header()).frame(), 7);  // 01:00:10:05 + 2 frames
    EXPECT_EQ(Imf::timeCode(exr.header()).seconds(), 10);

    const std::string back = dir.file("back.mov");
    const RunResult r = runTinct({"render", "-i", dir.file("f.####.exr"), "-o", back});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(probeStream(back)["r_frame_rate"], "24000/1001");
    EXPECT_NE(commandOutput("ffprobe -v error -show_entries stream_tags=timecode -of csv=p=0 " + quote(back)).find("01:00:10:07"),
              std::string::npos);
}

// An encoder that refuses the job (DNxHR needs at least 256x120) fails before any frame, names the
// output, and leaves nothing behind.
TEST(MovieOutput, RefusedSettingsLeaveNothing) {
    TempDir dir;
    tinct::Frame f = tinct::makeFrame(64, 48);
    tinct::writeExr(dir.file("small.0001.exr"), f, {tinct::PixelType::Half, tinct::ExrCompression::Zip});
    const RunResult r = runTinct({"render", "-i", dir.file("small.0001.exr"), "-o", dir.file("master.mov"), "--codec", "dnxhr"});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("master.mov"), std::string::npos) << r.err;
    EXPECT_EQ(dir.entries(), std::vector<std::string>{"small.0001.exr"});
}

TEST(MovieOutput, BadNamesAreRefusedBeforeRendering) {
    TempDir dir;
    tinct::Frame f = tinct::makeFrame(64, 48);
    tinct::writeExr(dir.file("in.0001.exr"), f, {tinct::PixelType::Half, tinct::ExrCompression::Zip});
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"--codec", "prores", "--prores-profile", "ultra"},
             {"--codec", "prores", "--tag-transfer", "gamma9"},
             {"--codec", "prores", "--timecode", "25:99:00:00"},
             {"--codec", "prores", "--audio", "copy"}}) {
        std::vector<std::string> all = {"render", "-i", dir.file("in.0001.exr"), "-o", dir.file("out.mov")};
        all.insert(all.end(), args.begin(), args.end());
        const RunResult r = runTinct(all);
        EXPECT_EQ(r.exitCode, 1) << args[2] << ": " << r.err;
        EXPECT_FALSE(r.err.empty());
        EXPECT_EQ(dir.entries(), std::vector<std::string>{"in.0001.exr"});
    }
}

// Movie to movie, a width that is no multiple of 8 (the GPU pass pads encoder rows to 8 pixels) and
// enough frames that frame buffers are recycled: every frame of the master decodes in ffmpeg close to
// the same frame of the source. 55 dB: one more 4:2:2 ProRes HQ generation of a smooth chart (about
// 61 dB measured) loses little; a wrong frame, matrix or row layout costs 20 dB or more.
TEST(MovieOutput, MovieToMovieKeepsEveryFrame) {
    TempDir dir;
    const std::string raw = dir.file("chart.raw"), source = dir.file("source.mov"), out = dir.file("master.mov");
    writeRawChart(raw, 100, 60, 8);
    ASSERT_EQ(ffmpeg("-f rawvideo -pix_fmt gbrapf32le -s 100x60 -r 24 -i " + quote(raw) +
                     " -vf scale=out_color_matrix=bt709:out_range=tv,format=yuv422p10le,setparams=colorspace=bt709:range=tv"
                     " -c:v prores_ks -profile:v hq " + quote(source)),
              0);
    const RunResult r = runTinct({"render", "-i", source, "-o", out, "--jobs", "3"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    for (int frame : {0, 3, 7}) {
        const double db = psnr(ffmpegDecode(out, frame), ffmpegDecode(source, frame));
        std::cout << "frame " << frame << ": " << db << " dB\n";
        EXPECT_GE(db, 55.0) << "frame " << frame;
    }
}

}  // namespace
