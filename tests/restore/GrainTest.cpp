// The grain node against closed forms: on flat frames the grain added is the difference from the
// frame, whose deviation must be the amount asked for (scaled by the brightness zone's strength),
// whose neighbours correlate as Gaussian-shaped white noise does (the correlation at a lag of d
// pixels is sum_k w_k w_(k+d) / sum_k w_k^2 of the Gaussian's taps, computed here), and whose
// channels correlate as the colour mix says. The same frame number gives the same grain.
#include <gtest/gtest.h>

#include <cmath>

#include "tests/support/FilmRender.h"
#include "tests/support/GpuFixture.h"
#include "tests/support/SyntheticFilm.h"

using namespace tinct;
using namespace tinct::test;

namespace {

constexpr int kW = 256, kH = 192;

// Frames 0 .. count-1, each flat: `left` in the left half, `right` in the right.
Film flatFilm(int count, float left, float right) {
    Film film;
    film.settings.width = kW, film.settings.height = kH, film.settings.frames = count, film.settings.cut = -1;
    for (int n = 0; n < count; ++n) {
        Frame f = makeFrame(kW, kH);
        for (int y = 0; y < kH; ++y)
            for (int x = 0; x < kW; ++x)
                for (int c = 0; c < 3; ++c) f.rgba[(size_t(y) * kW + x) * 4 + c] = x < kW / 2 ? left : right;
        film.clean[n] = film.damaged[n] = f;
    }
    return film;
}

std::string grainGrade(const std::string& params) { return singleNodeGrade("grain", "gr", params); }

// Over the pixels x in [x0, x1) of channel c: the mean of a * b of the grain (frame minus flat).
double moment(const Frame& a, const Frame& b, const Frame& flat, int c1, int c2, int x0, int x1, int dx = 0) {
    double sum = 0;
    size_t n = 0;
    for (int y = 8; y < kH - 8; ++y)
        for (int x = x0; x < x1 - dx; ++x) {
            const size_t p = (size_t(y) * kW + x) * 4, q = (size_t(y) * kW + x + dx) * 4;
            sum += double(a.rgba[p + c1] - flat.rgba[p + c1]) * double(b.rgba[q + c2] - flat.rgba[q + c2]), ++n;
        }
    return sum / double(n);
}

class GrainTest : public GpuFixture {};

TEST_F(GrainTest, ItsDeviationIsTheAmountScaledByTheZoneAndItsChannelsMixAsAsked) {
    const Film film = flatFilm(1, 0.1f, 0.5f);
    const Frame& flat = film.clean.at(0);
    const Frame mono = renderFilm(gpu(), grainGrade(R"({"amount": 0.03, "size": 0, "colour": 0})"), film).at(0);
    // Mid grey (u = 0.5): the mid-tones' strength 1. Luma 0.1: shadows 0.8 x 0.5 + mid-tones 0.2 x 1.
    // Sampling error of a deviation over 20,000 pixels: under 1%; 3% allowed.
    EXPECT_NEAR(std::sqrt(moment(mono, mono, flat, 1, 1, kW / 2 + 8, kW - 8)), 0.03, 0.03 * 0.03);
    EXPECT_NEAR(std::sqrt(moment(mono, mono, flat, 1, 1, 8, kW / 2 - 8)), 0.6 * 0.03, 0.6 * 0.03 * 0.03);
    for (size_t p = 0; p < mono.pixelCount(); ++p) ASSERT_EQ(mono.rgba[p * 4], mono.rgba[p * 4 + 2]);  // one grain for all
    const Frame colour = renderFilm(gpu(), grainGrade(R"({"amount": 0.03, "size": 0, "colour": 1})"), film).at(0);
    const double rg = moment(colour, colour, flat, 0, 1, kW / 2 + 8, kW - 8) / moment(colour, colour, flat, 0, 0, kW / 2 + 8, kW - 8);
    EXPECT_LT(std::abs(rg), 0.03);  // independent channels: 1 / sqrt(20,000) sampling error
    const Frame half = renderFilm(gpu(), grainGrade(R"({"amount": 0.03, "size": 0, "colour": 0.5})"), film).at(0);
    const double mixed = moment(half, half, flat, 0, 1, kW / 2 + 8, kW - 8) / moment(half, half, flat, 0, 0, kW / 2 + 8, kW - 8);
    EXPECT_NEAR(mixed, 0.5, 0.03);  // half the variance shared
}

TEST_F(GrainTest, ItsSizeShapesItAsAGaussianOfThatWidth) {
    const Film film = flatFilm(1, 0.5f, 0.5f);
    const Frame& flat = film.clean.at(0);
    for (double size : {0.8, 1.5}) {
        const Frame out = renderFilm(gpu(), grainGrade(R"({"amount": 0.03, "colour": 0, "size": )" + std::to_string(size) + "}"), film).at(0);
        const int radius = int(std::ceil(3 * size));
        std::vector<double> w;
        for (int k = -radius; k <= radius; ++k) w.push_back(std::exp(-0.5 * k * k / (size * size)));
        double squares = 0;
        for (double v : w) squares += v * v;
        const double variance = moment(out, out, flat, 1, 1, 8, kW - 8);
        EXPECT_NEAR(std::sqrt(variance), 0.03, 0.03 * 0.06) << "size " << size;  // fewer independent samples: 6%
        for (int d : {1, 2, 3}) {
            double expected = 0;
            for (size_t k = 0; k + size_t(d) < w.size(); ++k) expected += w[k] * w[k + size_t(d)];
            expected /= squares;
            EXPECT_NEAR(moment(out, out, flat, 1, 1, 8, kW - 8, d) / variance, expected, 0.04) << "size " << size << ", lag " << d;
        }
    }
}

TEST_F(GrainTest, AFrameNumberGivesTheSameGrainInAnyOrderAndAnotherFrameOrSeedAnother) {
    const Film film = flatFilm(4, 0.5f, 0.5f);
    const Frame& flat = film.clean.at(0);
    const auto forwards = renderFilm(gpu(), grainGrade("{}"), film);
    const auto backwards = renderFilm(gpu(), grainGrade("{}"), film, {true, true});
    for (const auto& [n, frame] : forwards) EXPECT_EQ(frame.rgba, backwards.at(n).rgba) << "frame " << n;
    const double variance = moment(forwards.at(0), forwards.at(0), flat, 1, 1, 8, kW - 8);
    EXPECT_LT(std::abs(moment(forwards.at(0), forwards.at(1), flat, 1, 1, 8, kW - 8)) / variance, 0.05);
    const auto reseeded = renderFilm(gpu(), grainGrade(R"({"seed": 7})"), film);
    EXPECT_LT(std::abs(moment(forwards.at(0), reseeded.at(0), flat, 1, 1, 8, kW - 8)) / variance, 0.05);
}

TEST(GrainParams, ValuesThatCannotWorkAreRefusedNamingTheNode) {
    for (const char* params : {R"({"seed": 1.5})", R"({"amount": -0.1})", R"({"size": 5})", R"({"view": "both"})"}) {
        const std::string error = compileError(grainGrade(params));
        EXPECT_NE(error.find("gr"), std::string::npos) << params << ": " << error;
    }
}

}  // namespace
