// Movies as ffmpeg shows them at their frame rate (-vsync cfr), for the awkward clips found in the
// wild: variable frame rate and timestamp jitter, AVI with dropped frames, MPEG-4 ASP with B-frames
// in AVI, H.264 with a B-pyramid and open GOPs, a MOV with an edit list and a start offset, MKV
// timestamps that do not start at 0, headers that state the wrong frame count. The oracle is
// ffmpeg's own decode of the whole clip at its rate: every frame Tinct reads must hold exactly the
// decoded samples of the picture ffmpeg gives for that frame (the same decoder on both sides, so the
// comparison is bit for bit), read in order and in a scrambled order.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>

#include "engine/Error.h"
#include <nlohmann/json.hpp>

#include "engine/media/MovieSource.h"
#include "engine/media/PlaneLayout.h"
#include "tests/support/MediaOracle.h"
#include "tests/support/RunTinct.h"
#include "tests/support/TempDir.h"

using namespace tinct;
using namespace tinct::test;
namespace fs = std::filesystem;

namespace {

struct AwkwardClip {
    std::string name, file, args;  // args: ffmpeg's, between its input and the output file
};

// Sources of 320x240 so that no plane row needs padding; testsrc2 moves every frame, so a frame off
// by one never matches.
const std::string kSource = "-f lavfi -i testsrc2=size=320x240:rate=24 -frames:v 48 ";

void PrintTo(const AwkwardClip& clip, std::ostream* out) { *out << clip.file; }

std::vector<AwkwardClip> awkwardClips() {
    return {
        {"VariableRateJitter", "vfr.mp4", "-vf setpts='(N+0.3*sin(N*1.7))/24/TB' -vsync passthrough -c:v libx264 -bf 0"},
        {"AviWithDroppedFrames", "dropped.avi", "-vf select='not(eq(mod(n\\,7)\\,3))' -vsync vfr -c:v mpeg4 -q:v 3"},
        {"Mpeg4AspBFramesInAvi", "bframes.avi", "-c:v mpeg4 -bf 2 -q:v 3"},
        {"H264PyramidOpenGop", "pyramid.mp4",
         "-c:v libx264 -x264-params bframes=3:b-pyramid=normal:open-gop=1:keyint=12:min-keyint=12:scenecut=0"},
        {"MovEditListStartOffset", "editlist.mov", "-c:v libx264 -bf 2 -g 10 -output_ts_offset 1.5"},
        {"MkvNotStartingAtZero", "offset.mkv", "-c:v libx264 -bf 2 -g 10 -output_ts_offset 3.2"},
        {"CinepakInAvi", "cinepak.avi", "-c:v cinepak"},
        {"ProResIntraOnly", "intra.mov", "-c:v prores_ks -profile:v proxy -vf select='not(eq(n\\,20))' -vsync vfr"},
    };
}

std::string probeText(const std::string& path, const std::string& entry) {
    std::string v = commandOutput("ffprobe -v error -select_streams v:0 -show_entries stream=" + entry + " -of csv=p=0 " + quote(path));
    while (!v.empty() && (v.back() == '\n' || v.back() == '\r')) v.pop_back();
    return v;
}

// ffmpeg's frames of the clip at its rate, as the decoder's own samples (no conversion).
std::vector<std::vector<uint8_t>> ffmpegFramesAtRate(const TempDir& dir, const std::string& movie, size_t frameBytes) {
    const std::string raw = dir.file("cfr.raw");
    const std::string format = probeText(movie, "pix_fmt");
    if (ffmpeg("-i " + quote(movie) + " -map 0:v:0 -vsync cfr -f rawvideo -pix_fmt " + format + " " + quote(raw)) != 0)
        throw std::runtime_error("ffmpeg could not decode " + movie);
    std::ifstream in(raw, std::ios::binary);
    std::vector<std::vector<uint8_t>> frames;
    for (;;) {
        std::vector<uint8_t> f(frameBytes);
        if (!in.read(reinterpret_cast<char*>(f.data()), std::streamsize(f.size()))) break;
        frames.push_back(std::move(f));
    }
    return frames;
}

// The frame's planes without the rows' padding: what ffmpeg's rawvideo holds.
std::vector<uint8_t> unpadded(const Frame& frame) {
    const PlaneLayout& l = *frame.planeLayout;
    std::vector<uint8_t> out;
    for (int p = 0; p < l.planeCount; ++p) {
        const bool chroma = !l.rgb && (p == 1 || p == 2);
        const int w = chroma ? -((-l.width) >> l.log2ChromaWidth) : l.width;
        int bytesPerSample = 0;
        for (int c = 0; c < l.components; ++c)
            if (int(l.comp[c].plane) == p) bytesPerSample += l.comp[c].wide ? 2 : 1;
        const size_t rowBytes = size_t(w) * size_t(std::max(bytesPerSample, 1));
        for (uint32_t y = 0; y < l.planeRows[p]; ++y) {
            const uint8_t* row = frame.planes.data() + l.planeOffset[p] + size_t(y) * l.rowBytes[p];
            out.insert(out.end(), row, row + rowBytes);
        }
    }
    return out;
}

class AwkwardMovie : public testing::TestWithParam<AwkwardClip> {};

TEST_P(AwkwardMovie, EveryFrameIsThePictureFfmpegShowsAtItsRate) {
    const AwkwardClip& clip = GetParam();
    TempDir dir;
    const std::string movie = dir.file(clip.file);
    ASSERT_EQ(ffmpeg(kSource + clip.args + " " + quote(movie)), 0);
    MovieSource source(movie);
    Frame frame;
    source.read(0, frame);
    const auto expected = ffmpegFramesAtRate(dir, movie, unpadded(frame).size());
    ASSERT_FALSE(expected.empty());
    ASSERT_EQ(source.frames().size(), expected.size()) << "frame count of the index";

    for (size_t n = 0; n < expected.size(); ++n) {
        source.read(int64_t(n), frame);
        ASSERT_TRUE(unpadded(frame) == expected[n]) << clip.file << ": frame " << n << " in order";
    }
    // Backwards, then jumps: every seek must land on the same pictures.
    std::vector<size_t> order(expected.size());
    for (size_t n = 0; n < order.size(); ++n) order[n] = order.size() - 1 - n;
    std::mt19937 random(7);
    std::vector<size_t> jumps = order;
    std::shuffle(jumps.begin(), jumps.end(), random);
    order.insert(order.end(), jumps.begin(), jumps.end());
    MovieSource fresh(movie);  // a cache that has seen nothing yet
    for (size_t n : order) {
        fresh.read(int64_t(n), frame);
        ASSERT_TRUE(unpadded(frame) == expected[n]) << clip.file << ": frame " << n << " out of order";
    }
}

INSTANTIATE_TEST_SUITE_P(Clips, AwkwardMovie, testing::ValuesIn(awkwardClips()),
                         [](const testing::TestParamInfo<AwkwardClip>& info) { return info.param.name; });

TEST(MovieFrameIndex, InfoSaysWhatTheIndexFound) {
    TempDir dir;
    const std::string movie = dir.file("dropped.avi");
    ASSERT_EQ(ffmpeg(kSource + "-vf select='not(eq(mod(n\\,7)\\,3))' -vsync vfr -c:v mpeg4 -q:v 3 " + quote(movie)), 0);
    const RunResult r = runTinct({"info", movie, "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    // 48 pictures kept of the first 55 (every 7th dropped), shown over frames 0-55.
    EXPECT_EQ(j["index"]["pictures"], 48);
    EXPECT_EQ(j["frames"], 56);
    EXPECT_EQ(j["index"]["repeated_frames"], 8);
    EXPECT_EQ(j["index"]["variable_rate"], true);
    const RunResult text = runTinct({"info", movie});
    EXPECT_NE(text.out.find("repeat the picture before"), std::string::npos) << text.out;
}

// The headers of this AVI say it holds 100 frames; the index counts the pictures that are there.
TEST(MovieFrameIndex, AHeaderWithTheWrongFrameCountIsNotBelieved) {
    TempDir dir;
    const std::string movie = dir.file("lying.avi");
    ASSERT_EQ(ffmpeg(kSource + "-c:v mjpeg -q:v 3 " + quote(movie)), 0);
    std::fstream f(movie, std::ios::in | std::ios::out | std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(f)), {});
    for (const char* chunk : {"avih", "strh"}) {  // avih: dwTotalFrames at +24; strh (vids): dwLength at +40
        const size_t at = bytes.find(chunk);
        ASSERT_NE(at, std::string::npos);
        const uint32_t lie = 100;
        f.seekp(std::streamoff(at + (std::string(chunk) == "avih" ? 24 : 40)));
        f.write(reinterpret_cast<const char*>(&lie), 4);
    }
    f.close();
    EXPECT_EQ(probeText(movie, "nb_frames"), "100") << "the header edit did not take";
    MovieSource source(movie);
    EXPECT_EQ(source.frames().size(), 48u);
    EXPECT_EQ(source.movie()->headerFrames, 100);
    Frame frame;
    source.read(47, frame);  // the last frame there is
}

TEST(MovieFrameIndex, AMovieDamagedInTheMiddleGivesEveryFrameBeforeAndNamesTheFrame) {
    TempDir dir;
    const std::string movie = dir.file("damaged.mp4");
    ASSERT_EQ(ffmpeg("-f lavfi -i testsrc2=size=160x120:rate=24 -frames:v 24 -c:v libx264 -g 6 -bf 0 " + quote(movie)), 0);
    // Overwrite 300 bytes of picture data in the middle of the file (frame 12's, as ffprobe places it).
    const std::string pos = commandOutput("ffprobe -v error -select_streams v:0 -show_packets -show_entries packet=pos "
                                          "-of csv=p=0 " + quote(movie) + " | sed -n 13p");
    const long at = std::stol(pos);
    {
        std::fstream f(movie, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(at + 40);
        const std::string garbage(300, '\xff');
        f.write(garbage.data(), std::streamsize(garbage.size()));
    }
    const RunResult r = runTinct({"render", "-i", movie, "-o", dir.file("out/f.####.exr")});
    EXPECT_EQ(r.exitCode, 1) << r.err;
    EXPECT_NE(r.err.find("damaged.mp4"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("frame 12"), std::string::npos) << r.err;
    for (int n = 0; n < 12; ++n) {
        char name[32];
        std::snprintf(name, sizeof name, "out/f.%04d.exr", n);
        EXPECT_TRUE(fs::exists(dir.file(name))) << name << " comes before the damage and must be written";
    }
}

}  // namespace
