// The dead_pixels node on footage the test makes (tests/support/SyntheticFilm: a pan, a moving
// textured object, a small bright object moving fast, grain, a cut) with seeded fixed-position
// defects (dead, stuck, hot and one-channel pixels, 2x2 sensor dust), the clean frames as the oracle.
// The peer is what a user of ffmpeg reaches for, a 3x3 spatial median over the whole frame (ffmpeg's
// `median=radius=1`), computed here. The tolerances are the issue's for dust, held to here too: 6 dB
// over the peer, 90% of the defect pixels back within 0.1 of clean, at most 0.5% of other pixels
// moved by more than 0.02 (and here none at all outside the repair matte), the fast object untouched.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <fstream>

#include <ImfHeader.h>

#include "engine/Error.h"
#include "tests/support/ExrOracle.h"
#include "tests/support/FilmRender.h"
#include "tests/support/GpuFixture.h"
#include "tests/support/MediaOracle.h"
#include "tests/support/SyntheticFilm.h"
#include "tests/support/TempDir.h"

using namespace tinct;
using namespace tinct::test;

namespace {

std::string deadPixelsGrade(const std::string& params = "{}") { return singleNodeGrade("dead_pixels", "p", params); }

Film defectiveFilm() {
    FilmSettings s;
    s.frames = 16, s.cut = 9;
    Film film = makeFilm(s);
    addFixedDefects(film, 60, 3);
    return film;
}

// Per pixel and channel, the median of its 3x3 neighbourhood (edges clamped).
std::map<int64_t, Frame> spatialMedian3(const std::map<int64_t, Frame>& frames) {
    std::map<int64_t, Frame> out;
    for (const auto& [n, f] : frames) {
        Frame m = f;
        for (int y = 0; y < f.height; ++y)
            for (int x = 0; x < f.width; ++x)
                for (int c = 0; c < 3; ++c) {
                    float v[9];
                    int k = 0;
                    for (int dy = -1; dy <= 1; ++dy)
                        for (int dx = -1; dx <= 1; ++dx) {
                            const int sx = std::clamp(x + dx, 0, f.width - 1), sy = std::clamp(y + dy, 0, f.height - 1);
                            v[k++] = f.rgba[(size_t(sy) * f.width + sx) * 4 + c];
                        }
                    std::nth_element(v, v + 4, v + 9);
                    m.rgba[(size_t(y) * f.width + x) * 4 + c] = v[4];
                }
        out[n] = std::move(m);
    }
    return out;
}

class DeadPixelsTest : public GpuFixture {
protected:
    static const Film& film() {
        static const Film f = defectiveFilm();
        return f;
    }
    const std::map<int64_t, Frame>& repaired() {
        static const std::map<int64_t, Frame> out = renderFilm(gpu(), deadPixelsGrade(), film());
        return out;
    }
};

TEST_F(DeadPixelsTest, RepairsFixedDefectsFarBetterThanASpatialMedianAndLeavesThePictureAlone) {
    const auto& out = repaired();
    const double damaged = psnr(film().damaged, film().clean), median = psnr(spatialMedian3(film().damaged), film().clean);
    const double fixed = psnr(out, film().clean);
    size_t defect = 0, defectRepaired = 0, other = 0, otherChanged = 0, fast = 0, fastChanged = 0;
    for (const auto& [n, frame] : out) {
        const Frame &c = film().clean.at(n), &d = film().damaged.at(n);
        for (size_t p = 0; p < film().damage.at(n).size(); ++p) {
            if (film().damage.at(n)[p] > 0) {
                ++defect;
                defectRepaired += channelDistance(frame, c, p) <= 0.1f;
                continue;
            }
            ++other;
            otherChanged += channelDistance(frame, d, p) > 0.02f;
            if (film().fast.at(n)[p]) {
                ++fast;
                fastChanged += channelDistance(frame, d, p) != 0;
            }
        }
    }
    RecordProperty("psnr_damaged", std::to_string(damaged));
    RecordProperty("psnr_median", std::to_string(median));
    RecordProperty("psnr_dead_pixels", std::to_string(fixed));
    std::printf("PSNR damaged %.2f dB, spatial median %.2f dB, dead_pixels %.2f dB; defect pixels repaired %.1f%%, "
                "other pixels changed %.3f%%, fast object pixels changed %zu of %zu\n",
                damaged, median, fixed, 100.0 * defectRepaired / defect, 100.0 * otherChanged / other, fastChanged, fast);
    EXPECT_GE(fixed, median + 6.0);
    EXPECT_GE(double(defectRepaired), 0.9 * double(defect));
    EXPECT_LE(double(otherChanged), 0.005 * double(other));
    ASSERT_GT(fast, 0u);
    EXPECT_EQ(fastChanged, 0u) << "the small fast object was taken for a defect";
}

TEST_F(DeadPixelsTest, OutsideTheRepairMatteEveryValueIsTheSourcesBitForBit) {
    const auto matte = renderFilm(gpu(), deadPixelsGrade(R"({"view": "matte"})"), film());
    size_t outside = 0, inside = 0, found = 0, defects = 0;
    for (const auto& [n, frame] : repaired()) {
        const Frame& source = film().damaged.at(n);
        for (size_t p = 0; p < size_t(frame.width) * frame.height; ++p) {
            const bool defect = film().damage.at(n)[p] > 0;
            defects += defect;
            if (matte.at(n).rgba[p * 4] > 0) {
                ++inside;
                found += defect;
                continue;
            }
            ++outside;
            ASSERT_EQ(std::memcmp(&frame.rgba[p * 4], &source.rgba[p * 4], 16), 0) << "frame " << n << ", pixel " << p;
        }
    }
    // The matte is the defects: nearly all of them, and little else (a tenth more at most).
    EXPECT_GE(double(found), 0.9 * double(defects));
    EXPECT_LE(double(inside - found), 0.1 * double(defects));
}

TEST_F(DeadPixelsTest, FramesAreTheSameInWhateverOrderTheyAreMade) {
    const auto backwards = renderFilm(gpu(), deadPixelsGrade(), film(), {.backwards = true});
    for (const auto& [n, frame] : repaired()) ASSERT_EQ(frame.rgba, backwards.at(n).rgba) << "frame " << n;
}

// What stands out in one frame only (a blotch) is not a fixed defect: dust on the film is the dust
// node's, and this one leaves it alone.
TEST_F(DeadPixelsTest, SpotsThatMoveOrComeAndGoAreNotDefects) {
    Film dirty = makeFilm(film().settings);
    addBlotches(dirty, 0.006, 3, 21);
    const auto out = renderFilm(gpu(), deadPixelsGrade(), dirty);
    size_t changed = 0, pixels = 0;
    for (const auto& [n, frame] : out)
        for (size_t p = 0; p < size_t(frame.width) * frame.height; ++p, ++pixels)
            changed += std::memcmp(&frame.rgba[p * 4], &dirty.damaged.at(n).rgba[p * 4], 16) != 0;
    EXPECT_LE(double(changed), 1e-4 * double(pixels)) << changed << " pixels changed";
}

// Two frames cannot tell a defect from the picture: such a shot is passed through as it is.
TEST_F(DeadPixelsTest, AShotTooShortToTellIsLeftAsItIs) {
    FilmSettings s;
    s.frames = 2, s.cut = -1;
    Film film = makeFilm(s);
    addFixedDefects(film, 20, 5);
    const auto out = renderFilm(gpu(), deadPixelsGrade(), film);
    for (const auto& [n, frame] : out) ASSERT_EQ(frame.rgba, film.damaged.at(n).rgba) << "frame " << n;
}

// A defect map (here the sites the test laid, as EXR, and the same as an 8-bit PNG made by ffmpeg)
// repairs what the votes cannot find: in a shot of two frames, every marked pixel is repaired as
// well as found ones are (90% within 0.1 of clean), and every other pixel is the source's bit for bit.
TEST_F(DeadPixelsTest, ADefectMapRepairsWhatAShotTooShortCannotTell) {
    FilmSettings s;
    s.frames = 2, s.cut = -1;
    Film film = makeFilm(s);
    addFixedDefects(film, 20, 5);
    TempDir dir;
    std::vector<float> map(film.damage.at(0).size() * 4, 0.0f);
    for (size_t p = 0; p < film.damage.at(0).size(); ++p)
        if (film.damage.at(0)[p] > 0) map[4 * p] = map[4 * p + 1] = map[4 * p + 2] = 1.0f;
    writeExrWithOpenExr(dir.file("map.exr"), Imf::Header(s.width, s.height), map);
    ASSERT_EQ(ffmpeg("-i " + quote(dir.file("map.exr")) + " -pix_fmt rgb24 " + quote(dir.file("map.png"))), 0);
    std::map<int64_t, Frame> fromExr;
    for (const char* file : {"map.exr", "map.png"}) {
        const auto out = renderFilm(gpu(), deadPixelsGrade(R"({"defect_map": ")" + dir.file(file) + R"("})"), film);
        size_t defect = 0, repaired = 0;
        for (const auto& [n, frame] : out)
            for (size_t p = 0; p < film.damage.at(n).size(); ++p) {
                if (film.damage.at(n)[p] > 0) {
                    ++defect;
                    repaired += channelDistance(frame, film.clean.at(n), p) <= 0.1f;
                    continue;
                }
                ASSERT_EQ(std::memcmp(&frame.rgba[p * 4], &film.damaged.at(n).rgba[p * 4], 16), 0)
                    << file << ": frame " << n << ", pixel " << p << " is not marked";
            }
        ASSERT_GT(defect, 0u);
        EXPECT_GE(double(repaired), 0.9 * double(defect)) << file;
        if (fromExr.empty()) fromExr = out;
        else
            for (const auto& [n, frame] : out) EXPECT_EQ(frame.rgba, fromExr.at(n).rgba) << "the PNG map repairs otherwise, frame " << n;
    }
}

// A map that is not there, or not an image, is refused as the grade is compiled; a map of another
// size than the frames, before a frame is made; each naming the node and the file.
TEST_F(DeadPixelsTest, ADefectMapThatCannotBeUsedIsRefusedNamingTheFile) {
    TempDir dir;
    const std::string missing = dir.file("nowhere.exr");
    std::string error = compileError(deadPixelsGrade(R"({"defect_map": ")" + missing + R"("})"));
    EXPECT_NE(error.find("dead_pixels node: defect map"), std::string::npos) << error;
    EXPECT_NE(error.find(missing), std::string::npos) << error;
    std::ofstream(dir.file("notes.exr")) << "not an image";
    error = compileError(deadPixelsGrade(R"({"defect_map": ")" + dir.file("notes.exr") + R"("})"));
    EXPECT_NE(error.find(dir.file("notes.exr")), std::string::npos) << error;

    writeExrWithOpenExr(dir.file("small.exr"), Imf::Header(64, 48), std::vector<float>(64 * 48 * 4, 0.0f));
    FilmSettings s;
    s.frames = 3, s.cut = -1;
    const Film film = makeFilm(s);
    try {
        renderFilm(gpu(), deadPixelsGrade(R"({"defect_map": ")" + dir.file("small.exr") + R"("})"), film);
        FAIL() << "a 64x48 map was taken for 256x192 frames";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("defect map " + dir.file("small.exr") + " is 64x48, the frames are 256x192"),
                  std::string::npos)
            << e.what();
    }
}

TEST(DeadPixelsParams, ValuesThatCannotWorkAreRefusedNamingTheNode) {
    auto message = [](const std::string& params) { return compileError(deadPixelsGrade(params)); };
    EXPECT_NE(message(R"({"window": 2.5})").find("node 'p' (dead_pixels): window must be a whole number of frames"),
              std::string::npos);
    EXPECT_NE(message(R"({"window": 40})").find("window"), std::string::npos);
    EXPECT_NE(message(R"({"consistency": 0.2})").find("consistency"), std::string::npos);
    EXPECT_NE(message(R"({"max_size": 1.5})").find("max_size must be a whole number of pixels"), std::string::npos);
    EXPECT_NE(message(R"({"polarity": "sideways"})").find("polarity"), std::string::npos);
}

}  // namespace
