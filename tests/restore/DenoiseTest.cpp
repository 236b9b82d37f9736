// The denoise node on footage the test makes (tests/support/SyntheticFilm: a pan, a moving textured
// object, a small object moving 9 pixels a frame, a cut) under seeded grain strongest in the
// mid-tones, with the clean frames as the oracle. Peers computed here: a temporal mean of the five
// frames n-2 .. n+2 without motion compensation (what a plain temporal filter does: it ghosts) and a
// 3 x 3 spatial mean.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>

#include "tests/support/FilmRender.h"
#include "tests/support/GpuFixture.h"
#include "tests/support/SyntheticFilm.h"

using namespace tinct;
using namespace tinct::test;

namespace {

constexpr double kGrain = 0.02;  // grainDeviation: 0.008 at black and white, 0.02 in the mid-tones

Film grainyFilm() {
    Film film = makeFilm({});
    addGrain(film, kGrain, 17);
    return film;
}

std::string denoiseGrade(const std::string& params = "{}") { return singleNodeGrade("denoise", "dn", params); }

// Per pixel and channel: the mean of frames n-2 .. n+2 mirrored within each shot.
std::map<int64_t, Frame> temporalMean5(const Film& film) {
    const int frames = film.settings.frames, cut = film.settings.cut;
    std::map<int64_t, Frame> out;
    for (int n = 0; n < frames; ++n) {
        const int first = cut >= 0 && n >= cut ? cut : 0, last = cut >= 0 && n < cut ? cut - 1 : frames - 1;
        auto at = [&](int t) { return t < first ? 2 * first - t : t > last ? 2 * last - t : t; };
        Frame f = film.damaged.at(n);
        for (size_t i = 0; i < f.rgba.size(); ++i) {
            if (i % 4 == 3) continue;
            double sum = 0;
            for (int k = -2; k <= 2; ++k) sum += film.damaged.at(at(n + k)).rgba[i];
            f.rgba[i] = float(sum / 5);
        }
        out[n] = std::move(f);
    }
    return out;
}

std::map<int64_t, Frame> spatialMean3(const Film& film) {
    const int w = film.settings.width, h = film.settings.height;
    std::map<int64_t, Frame> out;
    for (const auto& [n, d] : film.damaged) {
        Frame f = d;
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x)
                for (int c = 0; c < 3; ++c) {
                    double sum = 0;
                    for (int j = -1; j <= 1; ++j)
                        for (int i = -1; i <= 1; ++i)
                            sum += d.rgba[(size_t(std::clamp(y + j, 0, h - 1)) * w + std::clamp(x + i, 0, w - 1)) * 4 + c];
                    f.rgba[(size_t(y) * w + x) * 4 + c] = float(sum / 9);
                }
        out[n] = std::move(f);
    }
    return out;
}

// Root mean square error against the clean frames over the pixels of the small fast object.
double fastObjectError(const std::map<int64_t, Frame>& frames, const Film& film) {
    double sum = 0;
    size_t count = 0;
    for (const auto& [n, f] : frames)
        for (size_t p = 0; p < film.fast.at(n).size(); ++p) {
            if (!film.fast.at(n)[p]) continue;
            for (int c = 0; c < 3; ++c) {
                const double d = f.rgba[p * 4 + c] - film.clean.at(n).rgba[p * 4 + c];
                sum += d * d, ++count;
            }
        }
    return std::sqrt(sum / double(std::max<size_t>(count, 1)));
}

class DenoiseTest : public GpuFixture {};

TEST_F(DenoiseTest, RemovesGrainFarBetterThanPlainFiltersWithoutGhostingWhatMoves) {
    const Film film = grainyFilm();
    const auto out = renderFilm(gpu(), denoiseGrade(), film);
    const double grainy = psnr(film.damaged, film.clean), denoised = psnr(out, film.clean);
    const double temporal = psnr(temporalMean5(film), film.clean), spatial = psnr(spatialMean3(film), film.clean);
    const double fastGrainy = fastObjectError(film.damaged, film), fastDenoised = fastObjectError(out, film);
    const double fastTemporal = fastObjectError(temporalMean5(film), film);
    std::printf("PSNR grainy %.2f dB, temporal mean %.2f dB, 3x3 mean %.2f dB, denoise %.2f dB; fast object RMS error "
                "grainy %.4f, temporal mean %.4f, denoise %.4f\n",
                grainy, temporal, spatial, denoised, fastGrainy, fastTemporal, fastDenoised);
    EXPECT_GE(denoised, grainy + 6.0);
    EXPECT_GE(denoised, std::max(temporal, spatial) + 3.0);
    // No ghosting: the fast object comes out no worse than it went in (the temporal mean smears it).
    EXPECT_LE(fastDenoised, fastGrainy);
    EXPECT_GT(fastTemporal, 2 * fastGrainy);  // the region is one a plain temporal filter ruins
}

TEST_F(DenoiseTest, TheMeasuredNoiseDoesWhatTheTrueNoiseGivenDoes) {
    const Film film = grainyFilm();
    const double measured = psnr(renderFilm(gpu(), denoiseGrade(), film), film.clean);
    // The grain's deviation in the film's mid-tones, given as the node's sigma.
    const double given = psnr(renderFilm(gpu(), denoiseGrade(R"({"sigma": 0.018})"), film), film.clean);
    const double wrong = psnr(renderFilm(gpu(), denoiseGrade(R"({"sigma": 0.08})"), film), film.clean);
    std::printf("PSNR measured noise %.2f dB, given %.2f dB, four times too much %.2f dB\n", measured, given, wrong);
    EXPECT_NEAR(measured, given, 0.5);
    EXPECT_LT(wrong, measured - 1.0);  // a wrong noise level does show
}

TEST_F(DenoiseTest, FramesAreTheSameInWhateverOrderTheyAreMade) {
    const Film film = grainyFilm();
    const auto forwards = renderFilm(gpu(), denoiseGrade(), film);
    const auto backwards = renderFilm(gpu(), denoiseGrade(), film, {true, true});
    for (const auto& [n, frame] : forwards) EXPECT_EQ(frame.rgba, backwards.at(n).rgba) << "frame " << n;
}

TEST_F(DenoiseTest, NothingRemovedWhereTheZonesAndChannelsSayNone) {
    const Film film = grainyFilm();
    const auto out = renderFilm(gpu(), denoiseGrade(R"({"channels": [1, 0, 1]})"), film);
    for (const auto& [n, frame] : out)
        for (size_t p = 0; p < frame.pixelCount(); ++p) ASSERT_EQ(frame.rgba[p * 4 + 1], film.damaged.at(n).rgba[p * 4 + 1]);
    const auto none = renderFilm(gpu(), denoiseGrade(R"({"shadows": 0, "midtones": 0, "highlights": 0})"), film);
    for (const auto& [n, frame] : none) EXPECT_EQ(frame.rgba, film.damaged.at(n).rgba) << "frame " << n;
}

TEST(DenoiseParams, ValuesThatCannotWorkAreRefusedNamingTheNode) {
    for (const char* params : {R"({"frames": 4})", R"({"frames": 1.5})", R"({"strength": 0})", R"({"sigma": -0.1})", R"({"view": "grain"})"}) {
        const std::string error = compileError(denoiseGrade(params));
        EXPECT_NE(error.find("dn"), std::string::npos) << params << ": " << error;
    }
}

}  // namespace
