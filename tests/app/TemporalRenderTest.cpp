// Renders of grades with temporal steps from the command line: chunks are pure (frames rendered in
// pieces are byte-identical to the same frames of one render, as a farm needs), --stats shows the
// upstream of a temporal step running once a frame, --explain shows each step's reach and the ring,
// and what cannot work is refused plainly: a LUT cannot hold a temporal step, a GPU budget too
// small for the grade's footprint. Test media are DPX scans written by ffmpeg from a moving chart.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "tests/support/MediaOracle.h"
#include "tests/support/RunTinct.h"
#include "tests/support/TempDir.h"

using namespace tinct::test;
namespace fs = std::filesystem;

namespace {

std::string readBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), {});
}

void writeGrade(const std::string& path, const std::string& nodes) {
    std::ofstream(path) << R"({"tinct_grade": 2, "nodes": [)" << nodes << "]}";
}

const char* kTemporalNodes =
    R"({"id": "pre", "type": "cdl", "params": {"slope": [1.2, 1.0, 0.9]}},
       {"id": "med", "type": "temporal_median", "inputs": ["pre"], "params": {"radius": 2}},
       {"id": "post", "type": "clamp", "inputs": ["med"]})";
const char* kSameWithoutTime =
    R"({"id": "pre", "type": "cdl", "params": {"slope": [1.2, 1.0, 0.9]}},
       {"id": "post", "type": "clamp", "inputs": ["pre"]})";

class TemporalRender : public testing::Test {
protected:
    void SetUp() override {
        ASSERT_EQ(ffmpeg("-f lavfi -i testsrc2=size=96x64:rate=24 -frames:v 24 -start_number 0 -c:v dpx -pix_fmt gbrp10le " +
                         quote(dir.file("scan.%04d.dpx"))),
                  0);
        writeGrade(dir.file("clean.json"), kTemporalNodes);
    }
    TempDir dir;
};

TEST_F(TemporalRender, ChunksAreByteIdenticalToOneRender) {
    const std::string scan = dir.file("scan.####.dpx");
    RunResult r = runTinct({"render", "-i", scan, "--grade", dir.file("clean.json"), "-o", dir.file("whole/f.####.exr")});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    for (const char* range : {"0-7", "8-15", "16-23"}) {
        r = runTinct({"render", "-i", scan, "--grade", dir.file("clean.json"), "--frames", range, "-o",
                      dir.file("chunks/f.####.exr")});
        ASSERT_EQ(r.exitCode, 0) << r.err;
    }
    for (int n = 0; n < 24; ++n) {
        char name[32];
        std::snprintf(name, sizeof name, "f.%04d.exr", n);
        const std::string whole = readBytes(dir.file(std::string("whole/") + name));
        ASSERT_FALSE(whole.empty()) << name;
        EXPECT_TRUE(whole == readBytes(dir.file(std::string("chunks/") + name))) << name << " differs between the chunk and the whole";
    }
    // The median changes the frames: a chunk that ignored its context frames would not match at 8 and 16.
    r = runTinct({"render", "-i", scan, "--grade", dir.file("clean.json"), "--frames", "8-8", "-o", dir.file("one.####.exr")});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_TRUE(readBytes(dir.file("one.0008.exr")) == readBytes(dir.file("whole/f.0008.exr")));
}

TEST_F(TemporalRender, TheUpstreamRunsOncePerFrame) {
    const std::string scan = dir.file("scan.####.dpx");
    writeGrade(dir.file("plain.json"), kSameWithoutTime);
    auto dispatches = [&](const std::string& grade) {
        const RunResult r = runTinct({"render", "-i", scan, "--grade", grade, "-o", dir.file("out/" + grade.substr(grade.size() - 10, 5) + ".####.exr"),
                                      "--stats", dir.file(grade + ".stats.json")});
        EXPECT_EQ(r.exitCode, 0) << r.err;
        return nlohmann::json::parse(readBytes(dir.file(grade + ".stats.json")))["dispatches_per_frame"].get<int>();
    };
    // Without time: the DPX planes to RGBA, one fused kernel. With the median between the CDL and the
    // clamp: the planes to RGBA, the CDL (once for each frame, kept in the ring), the median, the clamp.
    const int plain = dispatches(dir.file("plain.json"));
    EXPECT_EQ(plain, 2);
    EXPECT_EQ(dispatches(dir.file("clean.json")), plain + 2) << "the median's own dispatch, and the CDL cut apart from the clamp";
}

TEST_F(TemporalRender, ExplainShowsTheReachAndTheRing) {
    const RunResult r = runTinct({"render", "-i", dir.file("scan.####.dpx"), "--grade", dir.file("clean.json"), "-o",
                                  dir.file("out.####.exr"), "--explain"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("temporal median of 5 frames"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("n-2 .. n+2"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("GPU ring: 5 frames"), std::string::npos) << r.out;
    EXPECT_FALSE(fs::exists(dir.file("out.0000.exr")));
}

TEST_F(TemporalRender, ABudgetTooSmallIsRefusedBeforeAnythingIsWritten) {
    const RunResult r = runTinct({"render", "-i", dir.file("scan.####.dpx"), "--grade", dir.file("clean.json"), "-o",
                                  dir.file("out/f.####.exr")},
                                 {"TINCT_GPU_MEMORY_MB=0x"});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("TINCT_GPU_MEMORY_MB"), std::string::npos) << r.err;  // not a number of MiB
    // The median of 5 needs its input at five frames of 1024x512 RGBA32F (8 MiB each): 40 MiB.
    ASSERT_EQ(ffmpeg("-f lavfi -i testsrc2=size=1024x512:rate=24 -frames:v 3 -start_number 0 -c:v dpx -pix_fmt gbrp10le " +
                     quote(dir.file("big.%04d.dpx"))),
              0);
    const RunResult small = runTinct({"render", "-i", dir.file("big.####.dpx"), "--grade", dir.file("clean.json"), "-o",
                                      dir.file("big-out/f.####.exr")},
                                     {"TINCT_GPU_MEMORY_MB=16"});
    EXPECT_EQ(small.exitCode, 1);
    EXPECT_NE(small.err.find("5 frames of 1024x512"), std::string::npos) << small.err;
    EXPECT_NE(small.err.find("TINCT_GPU_MEMORY_MB"), std::string::npos) << small.err;
    EXPECT_FALSE(fs::exists(dir.file("big-out"))) << "nothing may be written";
}

TEST_F(TemporalRender, ALutCannotHoldATemporalStep) {
    const RunResult r = runTinct({"bake-lut", "--grade", dir.file("clean.json"), "-o", dir.file("look.cube")});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("temporal median"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("neighbouring frames"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(dir.file("look.cube")));
}

TEST_F(TemporalRender, AMovieWithATemporalGrade) {
    const std::string movie = dir.file("clip.mov");
    ASSERT_EQ(ffmpeg("-f lavfi -i testsrc2=size=96x64:rate=24 -frames:v 12 -c:v prores_ks -profile:v proxy " + quote(movie)), 0);
    const RunResult r = runTinct({"render", "-i", movie, "--grade", dir.file("clean.json"), "-o", dir.file("graded.mov")});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(commandOutput("ffprobe -v error -count_frames -select_streams v:0 -show_entries stream=nb_read_frames -of csv=p=0 " +
                            quote(dir.file("graded.mov"))),
              "12\n");
}

}  // namespace
