// `tinct render` end to end: the real binary on files made with OpenEXR, its output read back with
// OpenEXR and compared with OpenColorIO's CPU processor applied to the same input pixels.
#include <gtest/gtest.h>

#include <ImfChannelList.h>
#include <ImfChromaticitiesAttribute.h>
#include <ImfStandardAttributes.h>
#include <ImfStringAttribute.h>
#include <ImfTimeCodeAttribute.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "tests/support/CubeFiles.h"
#include "tests/support/ExrOracle.h"
#include "tests/support/OcioOracle.h"
#include "tests/support/RunTinct.h"
#include "tests/support/TempDir.h"
#include "tests/support/TestPixels.h"

namespace OCIO = OCIO_NAMESPACE;
namespace fs = std::filesystem;
using namespace tinct::test;

namespace {

constexpr int kWidth = 64;

// Frame f of a small test sequence: the colour probe pixels, shifted by the frame number so that
// frames differ, in a data window offset from the display window.
Imf::Header sequenceHeader(int height) {
    Imf::Header h(Imath::Box2i({0, 0}, {kWidth + 9, height + 9}), Imath::Box2i({5, 3}, {kWidth + 4, height + 2}));
    Imf::addChromaticities(h, Imf::Chromaticities({0.7347f, 0.2653f}, {0.0f, 1.0f}, {0.0001f, -0.077f}, {0.32168f, 0.33767f}));
    Imf::addTimeCode(h, Imf::TimeCode(1, 2, 3, 4));
    Imf::addFramesPerSecond(h, Imf::Rational(24000, 1001));
    h.insert("tinctTestNote", Imf::StringAttribute("kept"));
    return h;
}

std::vector<float> framePixels(int frame) {
    auto px = colourProbePixels();
    px.resize(size_t(kWidth) * (px.size() / 4 / kWidth) * 4);
    for (size_t i = 0; i < px.size(); i += 4) px[i] += 0.001f * frame;
    return px;
}

int frameHeight() { return int(framePixels(0).size() / 4 / kWidth); }

void writeSequence(const TempDir& dir, const std::vector<int>& frames, Imf::PixelType type = Imf::FLOAT) {
    char name[64];
    for (int f : frames) {
        std::snprintf(name, sizeof name, "shot.%04d.exr", f);
        writeExrWithOpenExr(dir.file(name), sequenceHeader(frameHeight()), framePixels(f), type);
    }
}

std::string writeCdl(const TempDir& dir) {
    const std::string path = dir.file("look.cc");
    std::ofstream(path) << R"(<ColorCorrection id="look" xmlns="urn:ASC:CDL:v1.2"><SOPNode><Slope>1.1 1.0 0.92</Slope>
<Offset>0.01 0 -0.005</Offset><Power>1.05 1 0.97</Power></SOPNode><SatNode><Saturation>1.15</Saturation></SatNode></ColorCorrection>)";
    return path;
}

std::vector<std::string> listing(const fs::path& dir) {
    std::vector<std::string> names;
    if (fs::exists(dir))
        for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

}  // namespace

TEST(RenderCommand, GradesASequenceLikeOcioAndKeepsAttributes) {
    TempDir dir;
    writeSequence(dir, {1001, 1002, 1003});
    writeCube3d(dir.file("show.cube"), 33);
    const std::string cdl = writeCdl(dir);
    const auto r = runTinct({"render", "-i", dir.file("shot.####.exr"), "-o", dir.file("out/graded.%06d.exr"),
                             "--frames", "1001-1003", "--cdl", cdl, "--lut", dir.file("show.cube"), "--stats",
                             dir.file("stats.json"), "--pixel-type", "float"});
    ASSERT_EQ(r.exitCode, 0) << r.err;

    auto group = OCIO::GroupTransform::Create();
    group->appendTransform(OCIO::CDLTransform::CreateFromFile(cdl.c_str(), ""));
    auto lut = OCIO::FileTransform::Create();
    lut->setSrc(dir.file("show.cube").c_str());
    lut->setInterpolation(OCIO::INTERP_TETRAHEDRAL);
    group->appendTransform(lut);

    for (int f : {1001, 1002, 1003}) {
        char name[64];
        std::snprintf(name, sizeof name, "out/graded.%06d.exr", f);
        const ExrPixels out = readExrWithOpenExr(dir.file(name));
        const auto expected = ocioReference(group, framePixels(f));
        const auto err = maxRgbError(out.rgba, expected);
        // CDL (2e-5 scaled) then a tetrahedral LUT whose values stay within [-0.1, 1.1].
        EXPECT_LE(err.error, 3e-5) << name << " pixel " << err.pixel;
        for (float v : out.rgba) ASSERT_TRUE(std::isfinite(v)) << name;

        const Imf::Header& h = out.header;
        EXPECT_EQ(h.dataWindow(), sequenceHeader(frameHeight()).dataWindow());
        EXPECT_EQ(h.displayWindow(), sequenceHeader(frameHeight()).displayWindow());
        ASSERT_TRUE(Imf::hasChromaticities(h));
        EXPECT_FLOAT_EQ(Imf::chromaticities(h).red.x, 0.7347f);
        ASSERT_TRUE(Imf::hasTimeCode(h));
        EXPECT_EQ(Imf::timeCode(h).hours(), 1);
        EXPECT_EQ(Imf::timeCode(h).frame(), 4);
        ASSERT_TRUE(Imf::hasFramesPerSecond(h));
        EXPECT_EQ(Imf::framesPerSecond(h), Imf::Rational(24000, 1001));
        ASSERT_NE(h.findTypedAttribute<Imf::StringAttribute>("tinctTestNote"), nullptr);
        EXPECT_EQ(h.compression(), Imf::ZIP_COMPRESSION);
        EXPECT_EQ(h.channels().findChannel("R")->type, Imf::FLOAT);
    }

    std::ifstream statsFile(dir.file("stats.json"));
    const auto stats = nlohmann::json::parse(statsFile);
    EXPECT_EQ(stats["frames"], 3);
    EXPECT_EQ(stats["dispatches_per_frame"], 1);
    for (const char* stage : {"read", "upload", "gpu", "download", "write"})
        EXPECT_GE(stats["stage_ms"][stage].get<double>(), 0.0) << stage;
    EXPECT_GT(stats["stage_ms"]["read"].get<double>(), 0.0);
}

TEST(RenderCommand, StepsApplyInCommandLineOrder) {
    TempDir dir;
    writeSequence(dir, {1});
    writeCube3d(dir.file("show.cube"), 17);
    const std::string cdl = writeCdl(dir);
    // LUT first, then the CDL: the reverse of the order above, and not the same result.
    const auto r = runTinct({"render", "-i", dir.file("shot.####.exr"), "-o", dir.file("graded.exr"), "--lut",
                             dir.file("show.cube"), "--cdl", cdl, "--pixel-type", "float"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    auto group = OCIO::GroupTransform::Create();
    auto lut = OCIO::FileTransform::Create();
    lut->setSrc(dir.file("show.cube").c_str());
    lut->setInterpolation(OCIO::INTERP_TETRAHEDRAL);
    group->appendTransform(lut);
    group->appendTransform(OCIO::CDLTransform::CreateFromFile(cdl.c_str(), ""));
    const auto err = maxRgbError(readExrWithOpenExr(dir.file("graded.exr")).rgba, ocioReference(group, framePixels(1)));
    EXPECT_LE(err.error, 3e-5) << "pixel " << err.pixel;
}

TEST(RenderCommand, HalfInputGivesHalfOutputWithNoInfinities) {
    TempDir dir;
    writeSequence(dir, {7}, Imf::HALF);
    const auto r = runTinct({"render", "-i", dir.file("shot.@@@@.exr"), "-o", dir.file("o.####.exr"), "--compression", "piz"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const ExrPixels in = readExrWithOpenExr(dir.file("shot.0007.exr")), out = readExrWithOpenExr(dir.file("o.0007.exr"));
    EXPECT_EQ(out.header.channels().findChannel("G")->type, Imf::HALF);
    EXPECT_EQ(out.header.compression(), Imf::PIZ_COMPRESSION);
    // No grade: every value comes back as it was (half to half is exact), but NaN and Inf, which
    // become 0 and 65504.
    ASSERT_EQ(out.rgba.size(), in.rgba.size());
    for (size_t i = 0; i < in.rgba.size(); ++i) ASSERT_EQ(out.rgba[i], sanitized(in.rgba[i])) << "value " << i;
}

TEST(RenderCommand, MissingFramesAreListedAndNothingIsWritten) {
    TempDir dir;
    writeSequence(dir, {1001, 1002, 1005, 1007});
    const auto r = runTinct({"render", "-i", dir.file("shot.%04d.exr"), "-o", dir.file("out/g.%04d.exr"),
                             "--frames", "1001-1007"});
    EXPECT_NE(r.exitCode, 0);
    EXPECT_NE(r.err.find("1003-1004, 1006"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(dir.path() / "out"));

    const auto skip = runTinct({"render", "-i", dir.file("shot.%04d.exr"), "-o", dir.file("out/g.%04d.exr"),
                                "--frames", "1001-1007", "--skip-missing"});
    ASSERT_EQ(skip.exitCode, 0) << skip.err;
    EXPECT_EQ(listing(dir.path() / "out"),
              (std::vector<std::string>{"g.1001.exr", "g.1002.exr", "g.1005.exr", "g.1007.exr"}));
}

TEST(RenderCommand, RefusesToOverwriteItsSource) {
    TempDir dir;
    writeSequence(dir, {1});
    const auto before = fs::file_size(dir.file("shot.0001.exr"));
    const auto r = runTinct({"render", "-i", dir.file("shot.####.exr"), "-o", dir.file("shot.%04d.exr")});
    EXPECT_NE(r.exitCode, 0);
    EXPECT_NE(r.err.find("never overwrites"), std::string::npos) << r.err;
    EXPECT_EQ(fs::file_size(dir.file("shot.0001.exr")), before);
}

TEST(RenderCommand, BadInputsGetClearErrorsAndLeaveNoOutput) {
    TempDir dir;
    writeSequence(dir, {1});
    std::ofstream(dir.file("garbage.exr")) << "this is not an EXR file at all";
    {  // a real file cut short: header intact, pixel data missing
        const auto full = fs::file_size(dir.file("shot.0001.exr"));
        fs::copy_file(dir.file("shot.0001.exr"), dir.file("truncated.exr"));
        fs::resize_file(dir.file("truncated.exr"), full * 2 / 3);
    }
    std::ofstream(dir.file("short.cube")) << "LUT_3D_SIZE 2\n0 0 0\n1 1 1\n";
    std::ofstream(dir.file("nan.cube")) << "LUT_3D_SIZE 2\n0 0 0\n1 0 0\n0 1 0\n1 1 0\n0 0 1\n1 0 1\n0 1 1\nnan 1 1\n";
    std::ofstream(dir.file("size.cube")) << "LUT_3D_SIZE twelve\n0 0 0\n";
    std::ofstream(dir.file("bad.cc")) << "<ColorCorrection id=\"a\"><SOPNode><Slope>1 1</Slope>";

    struct Case {
        std::vector<std::string> args;
        std::string mustName;
        std::vector<std::string> env;
    };
    const std::string shot = dir.file("shot.0001.exr");
    const std::vector<Case> cases = {
        {{"-i", dir.file("garbage.exr")}, "garbage.exr", {}},
        {{"-i", dir.file("truncated.exr")}, "truncated.exr", {}},
        {{"-i", dir.file("absent.exr")}, "absent.exr", {}},
        {{"-i", shot, "--lut", dir.file("short.cube")}, "short.cube", {}},
        {{"-i", shot, "--lut", dir.file("nan.cube")}, "nan.cube", {}},
        {{"-i", shot, "--lut", dir.file("size.cube")}, "size.cube", {}},
        {{"-i", shot, "--cdl", dir.file("bad.cc")}, "bad.cc", {}},
        {{"-i", shot}, "TINCT_DEVICE=no-such-gpu", {"TINCT_DEVICE=no-such-gpu"}},
        // No Vulkan driver at all: the loader is pointed at a driver list that does not exist.
        {{"-i", shot}, "no Vulkan device", {"VK_DRIVER_FILES=/nonexistent/icd.json", "VK_ICD_FILENAMES=/nonexistent/icd.json"}},
        {{"-i", shot, "--layer", "nosuchlayer"}, "nosuchlayer", {}},
    };
    for (const auto& c : cases) {
        std::vector<std::string> args = {"render", "-o", dir.file("out/result.exr")};
        args.insert(args.end(), c.args.begin(), c.args.end());
        const auto r = runTinct(args, c.env);
        EXPECT_EQ(r.exitCode, 1) << c.mustName << ": " << r.err;
        EXPECT_NE(r.err.find(c.mustName), std::string::npos) << r.err;
        EXPECT_EQ(r.err.find("internal error"), std::string::npos) << r.err;
        EXPECT_FALSE(std::filesystem::exists(dir.path() / "out")) << c.mustName << " left output behind";
    }
}

TEST(RenderCommand, StatsMayNotOverwriteASourceAndItsDirectoryIsMadeOrRefusedUpFront) {
    TempDir dir;
    writeSequence(dir, {1});
    const auto before = fs::file_size(dir.file("shot.0001.exr"));
    const auto r = runTinct({"render", "-i", dir.file("shot.####.exr"), "-o", dir.file("o.####.exr"), "--stats",
                             dir.file("shot.0001.exr")});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("never overwrites"), std::string::npos) << r.err;
    EXPECT_EQ(fs::file_size(dir.file("shot.0001.exr")), before);
    // A directory that does not exist yet is made, as the outputs' are.
    const auto made = runTinct({"render", "-i", dir.file("shot.####.exr"), "-o", dir.file("out/o.####.exr"), "--stats",
                                dir.file("out/stats/stats.json")});
    EXPECT_EQ(made.exitCode, 0) << made.err;
    EXPECT_TRUE(fs::exists(dir.file("out/stats/stats.json")));
    // One that cannot be made (a file stands in its way) is refused before anything is rendered.
    std::ofstream(dir.file("blocker")) << "a file";
    const auto nowhere = runTinct({"render", "-i", dir.file("shot.####.exr"), "-o", dir.file("o.####.exr"), "--stats",
                                   dir.file("blocker/stats.json")});
    EXPECT_EQ(nowhere.exitCode, 1);
    EXPECT_NE(nowhere.err.find("cannot create the directory"), std::string::npos) << nowhere.err;
    EXPECT_FALSE(fs::exists(dir.file("o.0001.exr")));
}

TEST(RenderCommand, HugeSkippedRangesAreReportedAsGaps) {
    TempDir dir;
    writeSequence(dir, {5});
    const auto r = runTinct({"render", "-i", dir.file("shot.####.exr"), "-o", dir.file("o.####.exr"), "--frames",
                             "1-2147483647", "--skip-missing"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.err.find("1-4, 6-2147483647"), std::string::npos) << r.err;
}

TEST(RenderCommand, InterruptStopsCleanlyWithNoTemporaryFiles) {
    TempDir dir;
    ASSERT_EQ(runTinct({"sample", "-o", dir.file("src"), "--size", "1920x1080", "--count", "40"}).exitCode, 0);
    // Ctrl-C half a second into the render: frames finished stay, none is half-written.
    const std::string command = "cd '" + dir.path().string() + "' && (TINCT_VALIDATION=1 '" + TINCT_BINARY +
                                "' render -i src/sample.####.exr -o out/g.####.exr --jobs 1 2>err.txt & pid=$!; "
                                "sleep 0.5; kill -INT $pid; wait $pid; echo $? > status.txt)";
    ASSERT_EQ(std::system(command.c_str()), 0);
    std::ifstream statusFile(dir.file("status.txt"));
    int status = 0;
    statusFile >> status;
    std::ifstream errFile(dir.file("err.txt"));
    const std::string err((std::istreambuf_iterator<char>(errFile)), std::istreambuf_iterator<char>());
    if (status == 0) GTEST_SKIP() << "the render finished before the signal";
    EXPECT_EQ(status, 130) << err;
    EXPECT_NE(err.find("cancelled"), std::string::npos) << err;
    if (fs::exists(dir.path() / "out")) {
        for (const auto& e : fs::directory_iterator(dir.path() / "out"))
            EXPECT_EQ(e.path().filename().string().find(".tmp-"), std::string::npos) << e.path();
    }
}
