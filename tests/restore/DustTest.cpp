// The dust node on footage the test makes (tests/support/SyntheticFilm: a pan, a moving textured
// object, a small bright object moving 9 pixels a frame, grain, a cut) under seeded blotches, with the
// clean frames as the oracle and a temporal median of three frames (what ffmpeg's tmedian=radius=1
// does, computed here) as the peer to beat. The issue's targets are the tolerances: 6 dB over the
// median, 90% of the blotch pixels back within 0.1 of clean, at most 0.5% of undamaged pixels moved by
// more than 0.02, and the fast object not touched at all.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstring>

#include "tests/support/FilmRender.h"
#include "tests/support/GpuFixture.h"
#include "tests/support/SyntheticFilm.h"

using namespace tinct;
using namespace tinct::test;

namespace {

std::string dustGrade(const std::string& params = "{}") { return singleNodeGrade("dust", "d", params); }

// Per pixel and channel, the median of frames n-1, n, n+1 mirrored within each shot.
std::map<int64_t, Frame> temporalMedian3(const Film& film) {
    const int frames = film.settings.frames, cut = film.settings.cut;
    std::map<int64_t, Frame> out;
    for (int n = 0; n < frames; ++n) {
        const int first = cut >= 0 && n >= cut ? cut : 0, last = cut >= 0 && n < cut ? cut - 1 : frames - 1;
        auto at = [&](int t) { return t < first ? 2 * first - t : t > last ? 2 * last - t : t; };
        const auto &a = film.damaged.at(at(n - 1)).rgba, &b = film.damaged.at(n).rgba, &c = film.damaged.at(at(n + 1)).rgba;
        Frame f = film.damaged.at(n);
        for (size_t i = 0; i < f.rgba.size(); ++i) f.rgba[i] = std::max(std::min(a[i], b[i]), std::min(std::max(a[i], b[i]), c[i]));
        out[n] = std::move(f);
    }
    return out;
}

Film damagedFilm() {
    Film film = makeFilm({});
    addBlotches(film, 0.006, 8, 21);
    return film;
}

class DustTest : public GpuFixture {};

TEST_F(DustTest, RepairsBlotchesFarBetterThanATemporalMedianAndLeavesThePictureAlone) {
    const Film film = damagedFilm();
    const auto out = renderFilm(gpu(), dustGrade(), film);
    const double damaged = psnr(film.damaged, film.clean), median = psnr(temporalMedian3(film), film.clean);
    const double repaired = psnr(out, film.clean);
    size_t blotch = 0, blotchRepaired = 0, clean = 0, cleanChanged = 0, fast = 0, fastChanged = 0;
    for (const auto& [n, frame] : out) {
        const Frame &c = film.clean.at(n), &d = film.damaged.at(n);
        for (size_t p = 0; p < film.damage.at(n).size(); ++p) {
            if (channelDistance(d, c, p) > 0.1f) {
                ++blotch;
                blotchRepaired += channelDistance(frame, c, p) <= 0.1f;
            } else if (film.damage.at(n)[p] == 0) {
                ++clean;
                cleanChanged += channelDistance(frame, d, p) > 0.02f;
            }
            if (film.fast.at(n)[p] && film.damage.at(n)[p] == 0) {
                ++fast;
                fastChanged += channelDistance(frame, d, p) != 0;
            }
        }
    }
    RecordProperty("psnr_damaged", std::to_string(damaged));
    RecordProperty("psnr_tmedian", std::to_string(median));
    RecordProperty("psnr_dust", std::to_string(repaired));
    std::printf("PSNR damaged %.2f dB, temporal median %.2f dB, dust %.2f dB; blotch pixels repaired %.1f%%, "
                "clean pixels changed %.3f%%, fast object pixels changed %zu of %zu\n",
                damaged, median, repaired, 100.0 * blotchRepaired / blotch, 100.0 * cleanChanged / clean, fastChanged, fast);
    EXPECT_GE(repaired, median + 6.0);
    EXPECT_GE(double(blotchRepaired), 0.9 * double(blotch));
    EXPECT_LE(double(cleanChanged), 0.005 * double(clean));
    ASSERT_GT(fast, 0u);
    EXPECT_EQ(fastChanged, 0u) << "the small fast object was taken for dirt";
}

// The same film in a flat log encoding (ACEScct's formula, a sixth of the spread of values): what the
// station's working space gives the node. Motion and detection look at luma scaled by the picture's
// spread, so the blotches are found nearly as on the film's own values (measured: 85.8% of blotch
// pixels back within 0.1, against 90.4% there); with luma as it is, 22.7% were.
TEST_F(DustTest, FindsTheBlotchesOfTheSamePictureInAFlatterEncoding) {
    const auto encode = [](float v) { return (std::log2(std::max(v, 1e-4f)) + 9.72f) / 17.52f; };
    const auto decode = [](float u) { return std::exp2(u * 17.52f - 9.72f); };
    Film film = damagedFilm();
    Film flat = film;
    for (auto* frames : {&flat.damaged, &flat.clean})
        for (auto& [n, frame] : *frames)
            for (size_t i = 0; i < frame.rgba.size(); ++i)
                if (i % 4 != 3) frame.rgba[i] = encode(frame.rgba[i]);
    auto out = renderFilm(gpu(), dustGrade(), flat);
    size_t blotch = 0, blotchRepaired = 0, fast = 0, fastChanged = 0;
    for (auto& [n, frame] : out) {
        const Frame &c = film.clean.at(n), &d = film.damaged.at(n), &flatDamaged = flat.damaged.at(n);
        for (size_t p = 0; p < film.damage.at(n).size(); ++p) {
            if (film.fast.at(n)[p] && film.damage.at(n)[p] == 0) {
                ++fast;
                fastChanged += channelDistance(frame, flatDamaged, p) != 0;
            }
        }
        for (size_t i = 0; i < frame.rgba.size(); ++i)
            if (i % 4 != 3) frame.rgba[i] = decode(frame.rgba[i]);
        for (size_t p = 0; p < film.damage.at(n).size(); ++p)
            if (channelDistance(d, c, p) > 0.1f) {
                ++blotch;
                blotchRepaired += channelDistance(frame, c, p) <= 0.1f;
            }
    }
    std::printf("flat encoding: blotch pixels repaired %.1f%%, fast object pixels changed %zu of %zu\n",
                100.0 * blotchRepaired / blotch, fastChanged, fast);
    EXPECT_GE(double(blotchRepaired), 0.8 * double(blotch));
    ASSERT_GT(fast, 0u);
    EXPECT_EQ(fastChanged, 0u) << "the small fast object was taken for dirt";
}

TEST_F(DustTest, OutsideTheRepairMatteEveryValueIsTheSourcesBitForBit) {
    const Film film = damagedFilm();
    const auto repaired = renderFilm(gpu(), dustGrade(), film);
    const auto matte = renderFilm(gpu(), dustGrade(R"({"view": "matte"})"), film);
    size_t outside = 0, repairedPixels = 0;
    for (const auto& [n, frame] : repaired) {
        const Frame& source = film.damaged.at(n);
        for (size_t p = 0; p < size_t(frame.width) * frame.height; ++p) {
            if (matte.at(n).rgba[p * 4] > 0) {
                ++repairedPixels;
                continue;
            }
            ++outside;
            ASSERT_EQ(std::memcmp(&frame.rgba[p * 4], &source.rgba[p * 4], 16), 0) << "frame " << n << ", pixel " << p;
        }
    }
    EXPECT_GT(repairedPixels, 0u);
    EXPECT_GT(outside, 10 * repairedPixels);
}

TEST_F(DustTest, FramesAreTheSameInWhateverOrderTheyAreMade) {
    const Film film = damagedFilm();
    const auto forwards = renderFilm(gpu(), dustGrade(), film);
    const auto backwards = renderFilm(gpu(), dustGrade(), film, {.backwards = true});
    for (const auto& [n, frame] : forwards) ASSERT_EQ(frame.rgba, backwards.at(n).rgba) << "frame " << n;
}

// Another node limited by the dust node's repair matte changes the repaired pixels only: here a CDL
// offset of +1 applied through the matte, over the dust node's input.
TEST_F(DustTest, ItsRepairMatteLimitsAnotherNode) {
    const Film film = damagedFilm();
    const auto matte = renderFilm(gpu(), dustGrade(R"({"view": "matte"})"), film);
    const auto lifted = renderFilm(gpu(), R"({"tinct_grade": 2, "output": "lift", "nodes": [
        {"id": "d", "type": "dust"},
        {"id": "lift", "type": "cdl", "inputs": ["source"], "matte": "d", "params": {"offset": [1, 1, 1]}}]})", film);
    for (const auto& [n, frame] : lifted) {
        const Frame& source = film.damaged.at(n);
        for (size_t p = 0; p < size_t(frame.width) * frame.height; ++p) {
            const float m = matte.at(n).rgba[p * 4];
            // The CDL (no clamp by default) makes v + 1, mixed with v by the matte: v + m. The tolerance
            // is float rounding of the mix.
            for (int c = 0; c < 3; ++c) {
                const float v = source.rgba[p * 4 + c];
                ASSERT_NEAR(frame.rgba[p * 4 + c], v + m, 1e-5f) << "frame " << n << ", pixel " << p;
            }
        }
    }
}

TEST(DustParams, ValuesThatCannotWorkAreRefusedNamingTheNode) {
    auto message = [](const std::string& params) { return compileError(dustGrade(params)); };
    EXPECT_NE(message(R"({"min_size": 12, "max_size": 6})").find("node 'd' (dust): min_size (12) is larger than max_size (6)"),
              std::string::npos);
    EXPECT_NE(message(R"({"grow": 1.5})").find("grow must be a whole number"), std::string::npos);
    EXPECT_NE(message(R"({"sensitivity": 3})").find("sensitivity"), std::string::npos);
    EXPECT_NE(message(R"({"polarity": "sideways"})").find("polarity"), std::string::npos);
}

}  // namespace
