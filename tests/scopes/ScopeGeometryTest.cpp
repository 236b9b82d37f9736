// The scopes' published numbers, each checked against a value quoted from its standard or
// computed independently in the test. Every tolerance says why it is that size.
#include "engine/Error.h"
#include "engine/color/Primaries.h"
#include "engine/color/St2084.h"
#include "engine/scopes/ScopeGeometry.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

namespace tinct::test {
namespace {

// A value quoted to n decimal places is only known to half a unit in its last place.
constexpr double kFourPlaces = 5e-5;
constexpr double kSixPlaces = 5e-7;

Xy locusAt(int nm) {
    for (const auto& [wavelength, xy] : spectralLocus())
        if (wavelength == nm) return xy;
    ADD_FAILURE() << "no locus point at " << nm << " nm";
    return {0, 0};
}

double degrees(CbCr c) { return std::atan2(c.cr, c.cb) * 180.0 / std::numbers::pi; }

// ---- SMPTE ST 2084 ----

TEST(Pq, PublishedSignalValues) {
    // ST 2084's inverse EOTF at these luminances, quoted to six places (and recomputed with Python
    // floats from the standard's rational constants when this test was written).
    EXPECT_NEAR(pqSignalFromNits(100), 0.508078, kSixPlaces);
    EXPECT_NEAR(pqSignalFromNits(1000), 0.751827, kSixPlaces);
    // At the 10000 cd/m2 peak the formula is exactly (c1 + c2) / (1 + c3) = 80640/80640 = 1; only
    // double rounding in pow remains.
    EXPECT_NEAR(pqSignalFromNits(10000), 1.0, 1e-12);
    EXPECT_NEAR(nitsFromPqSignal(1.0), 10000.0, 1e-8);
    // ITU-R BT.2408: HDR reference white, 203 cd/m2, sits at 58% of the PQ signal (quoted to a
    // whole percent).
    EXPECT_NEAR(pqSignalFromNits(203), 0.58, 0.005);
}

TEST(Pq, EndsAndClamping) {
    // At 0 cd/m2 the curve gives c1^m2, about 7.3e-7 (not exactly 0); the EOTF of 0 is 0.
    EXPECT_NEAR(pqSignalFromNits(0), std::pow(3424.0 / 4096.0, 2523.0 / 4096.0 * 128.0), 1e-15);
    EXPECT_LT(pqSignalFromNits(0), 1e-6);
    EXPECT_EQ(nitsFromPqSignal(0), 0.0);
    EXPECT_EQ(nitsFromPqSignal(-0.5), 0.0);
    EXPECT_EQ(pqSignalFromNits(-3), pqSignalFromNits(0));
    EXPECT_NEAR(pqSignalFromNits(20000), 1.0, 1e-12);
    EXPECT_NEAR(nitsFromPqSignal(1.5), 10000.0, 1e-8);
    EXPECT_FALSE(std::isnan(pqSignalFromNits(std::nan(""))));
    EXPECT_FALSE(std::isnan(nitsFromPqSignal(std::nan(""))));
}

TEST(Pq, RoundTrips) {
    // Both directions are a few pow calls in double; the relative condition number of the pair is
    // far below 1e3, so 1e-9 relative leaves a wide margin over double rounding (~1e-16).
    for (double nits = 0.001; nits <= 10000.0; nits *= 1.37) {
        const double back = nitsFromPqSignal(pqSignalFromNits(nits));
        EXPECT_NEAR(back, nits, nits * 1e-9) << nits;
    }
    for (int code = 1; code <= 1023; ++code) {
        const double signal = code / 1023.0;
        EXPECT_NEAR(pqSignalFromNits(nitsFromPqSignal(signal)), signal, 1e-12) << code;
    }
}

TEST(Pq, Monotonic) {
    double previous = -1;
    for (int code = 0; code <= 1023; ++code) {
        const double nits = nitsFromPqSignal(code / 1023.0);
        EXPECT_GT(nits, previous) << code;
        previous = nits;
    }
}

// ---- Normalised primary matrix (SMPTE RP 177) ----

TEST(PrimaryMatrix, Rec709MatchesPublishedMatrix) {
    const auto m = rgbToXyz(cieGamuts()[0].xy);
    // IEC 61966-2-1 (sRGB, Rec.709 primaries, D65) publishes the matrix to four places. The float
    // primaries of Chromaticities add ~1e-7, far inside the quoting tolerance.
    EXPECT_NEAR(m[0], 0.4124, kFourPlaces);
    EXPECT_NEAR(m[1], 0.3576, kFourPlaces);
    EXPECT_NEAR(m[2], 0.1805, kFourPlaces);
    // The Y row is the BT.709 luma coefficients (ITU-R BT.709-6 item 3.2).
    EXPECT_NEAR(m[3], 0.2126, kFourPlaces);
    EXPECT_NEAR(m[4], 0.7152, kFourPlaces);
    EXPECT_NEAR(m[5], 0.0722, kFourPlaces);
    EXPECT_NEAR(m[6], 0.0193, kFourPlaces);
    EXPECT_NEAR(m[7], 0.1192, kFourPlaces);
    EXPECT_NEAR(m[8], 0.9505, kFourPlaces);
}

TEST(PrimaryMatrix, WhiteMapsToD65WithUnitLuminance) {
    for (const auto& gamut : cieGamuts()) {
        const auto m = rgbToXyz(gamut.xy);
        const double white[3] = {m[0] + m[1] + m[2], m[3] + m[4] + m[5], m[6] + m[7] + m[8]};
        // D65 XYZ as commonly published: X to four places, Z to three.
        EXPECT_NEAR(white[0], 0.9505, kFourPlaces) << gamut.name;
        EXPECT_NEAR(white[1], 1.0, 1e-12) << gamut.name;  // the normalisation itself
        EXPECT_NEAR(white[2], 1.089, 5e-4) << gamut.name;
        // Closed form from x = 0.3127, y = 0.3290: (x/y, 1, (1-x-y)/y). 1e-6 covers the float
        // storage of the white point (relative 6e-8, amplified less than 10x by the division).
        EXPECT_NEAR(white[0], 0.3127 / 0.3290, 1e-6) << gamut.name;
        EXPECT_NEAR(white[2], (1 - 0.3127 - 0.3290) / 0.3290, 1e-6) << gamut.name;
    }
}

TEST(PrimaryMatrix, Rec2020LumaRowIsBt2020Coefficients) {
    // ITU-R BT.2020-2 Table 4 derives Kr 0.2627 and Kb 0.0593 from these primaries (to 4 places).
    const auto m = rgbToXyz(cieGamuts()[2].xy);
    EXPECT_NEAR(m[3], 0.2627, kFourPlaces);
    EXPECT_NEAR(m[4], 0.6780, kFourPlaces);
    EXPECT_NEAR(m[5], 0.0593, kFourPlaces);
}

TEST(PrimaryMatrix, EachColumnHasItsPrimarysChromaticity) {
    // Column j of the matrix is primary j's XYZ; its x, y must give back the primary exactly
    // (up to float storage of the inputs, 1e-6).
    for (const auto& gamut : cieGamuts()) {
        const auto m = rgbToXyz(gamut.xy);
        const double xs[3] = {gamut.xy.redX, gamut.xy.greenX, gamut.xy.blueX};
        const double ys[3] = {gamut.xy.redY, gamut.xy.greenY, gamut.xy.blueY};
        for (int j = 0; j < 3; ++j) {
            const double sum = m[j] + m[3 + j] + m[6 + j];
            EXPECT_NEAR(m[j] / sum, xs[j], 1e-6) << gamut.name << " column " << j;
            EXPECT_NEAR(m[3 + j] / sum, ys[j], 1e-6) << gamut.name << " column " << j;
        }
    }
}

TEST(PrimaryMatrix, DegeneratePrimariesAreRefused) {
    Chromaticities line{0.1f, 0.1f, 0.2f, 0.2f, 0.3f, 0.3f, 0.3127f, 0.3290f};  // all on x = y
    EXPECT_THROW(rgbToXyz(line), Error);
    Chromaticities zeroY = cieGamuts()[0].xy;
    zeroY.whiteY = 0;
    EXPECT_THROW(rgbToXyz(zeroY), Error);
}

// ---- Gamuts ----

TEST(Gamuts, PublishedPrimaries) {
    const auto& gamuts = cieGamuts();
    ASSERT_EQ(gamuts.size(), 3u);
    EXPECT_EQ(gamuts[0].name, "Rec.709");
    EXPECT_EQ(gamuts[1].name, "P3-D65");
    EXPECT_EQ(gamuts[2].name, "Rec.2020");
    // Stored as float: 1e-7 covers the float rounding of three-decimal values.
    EXPECT_NEAR(gamuts[0].xy.greenX, 0.30, 1e-7);   // BT.709 Table 1
    EXPECT_NEAR(gamuts[1].xy.greenX, 0.265, 1e-7);  // SMPTE EG 432-1
    EXPECT_NEAR(gamuts[2].xy.greenY, 0.797, 1e-7);  // BT.2020 Table 3
    EXPECT_NEAR(gamuts[2].xy.blueX, 0.131, 1e-7);
    for (const auto& g : gamuts) {
        EXPECT_NEAR(g.xy.whiteX, 0.3127, 1e-7) << g.name;
        EXPECT_NEAR(g.xy.whiteY, 0.3290, 1e-7) << g.name;
    }
}

TEST(Gamuts, AgreeWithTheConfigsColourSpaces) {
    // The same primaries as Primaries.h's table of the shipped config (within its 0.001 match).
    EXPECT_EQ(linearColorSpaceFor(cieGamuts()[0].xy).value_or("none"), "Linear Rec.709 (sRGB)");
    EXPECT_EQ(linearColorSpaceFor(cieGamuts()[1].xy).value_or("none"), "Linear P3-D65");
    EXPECT_EQ(linearColorSpaceFor(cieGamuts()[2].xy).value_or("none"), "Linear Rec.2020");
}

// ---- Spectral locus ----

TEST(SpectralLocus, CoversTheVisibleRangeEvery5nm) {
    const auto& locus = spectralLocus();
    ASSERT_EQ(locus.size(), 65u);
    for (size_t i = 0; i < locus.size(); ++i) {
        EXPECT_EQ(locus[i].first, 380 + 5 * int(i));
        const Xy xy = locus[i].second;
        EXPECT_GT(xy.x, 0.0);
        EXPECT_GT(xy.y, 0.0);
        EXPECT_LE(xy.x + xy.y, 1.0 + 1e-12);
    }
}

TEST(SpectralLocus, PublishedChromaticities) {
    // CIE 15:2004 Table T.4 chromaticity coordinates of the 2-degree observer, quoted to four
    // places.
    EXPECT_NEAR(locusAt(380).x, 0.1741, kFourPlaces);
    EXPECT_NEAR(locusAt(380).y, 0.0050, kFourPlaces);
    EXPECT_NEAR(locusAt(520).x, 0.0743, kFourPlaces);
    EXPECT_NEAR(locusAt(520).y, 0.8338, kFourPlaces);
    EXPECT_NEAR(locusAt(700).x, 0.7347, kFourPlaces);
    EXPECT_NEAR(locusAt(700).y, 0.2653, kFourPlaces);
}

TEST(SpectralLocus, MonochromaticPrimariesLieOnIt) {
    // ITU-R BT.2020's red primary is monochromatic 630 nm light, given to three places
    // (0.708, 0.292): 5e-4.
    EXPECT_NEAR(locusAt(630).x, 0.708, 5e-4);
    EXPECT_NEAR(locusAt(630).y, 0.292, 5e-4);
    // ACES AP0's red (SMPTE ST 2065-1) is the 700 nm point, to four places.
    const auto ap0 = chromaticitiesOf("ACES2065-1");
    ASSERT_TRUE(ap0.has_value());
    EXPECT_NEAR(locusAt(700).x, ap0->redX, kFourPlaces);
    EXPECT_NEAR(locusAt(700).y, ap0->redY, kFourPlaces);
}

TEST(SpectralLocus, EnclosesTheGamutsWhitePoint) {
    // D65 lies left of the 700 nm end and above the line of purples: a coarse sanity check that
    // the table is not garbled (a swapped column would move the horseshoe).
    const Xy blueEnd = locusAt(380), redEnd = locusAt(700);
    const double wx = 0.3127, wy = 0.3290;
    const double side = (redEnd.x - blueEnd.x) * (wy - blueEnd.y) - (redEnd.y - blueEnd.y) * (wx - blueEnd.x);
    EXPECT_GT(side, 0.0);
    // The greenest point (largest y) is near 520 nm.
    int peak = 0;
    double best = 0;
    for (const auto& [nm, xy] : spectralLocus())
        if (xy.y > best) best = xy.y, peak = nm;
    EXPECT_EQ(peak, 520);
}

// ---- Y'CbCr and the vectorscope ----

TEST(CbCr, Bt709RedMatchesClosedForm) {
    // 100% red: Cb = -Kr / (2 (1 - Kb)) = -0.2126 / 1.8556 = -0.11457..., quoted as -0.1146;
    // Cr = (1 - Kr) / (2 (1 - Kr)) = 0.5 exactly.
    const CbCr red = toCbCr(1, 0, 0, CbCrMatrix::Rec709);
    EXPECT_NEAR(red.cb, -0.1146, kFourPlaces);
    EXPECT_NEAR(red.cr, 0.5, 1e-15);
    EXPECT_NEAR(red.cb, -0.2126 / (2 * (1 - 0.0722)), 1e-15);
    // Cb and Cr are linear in R'G'B': 75% red is 0.75 of it (double rounding only).
    const CbCr red75 = toCbCr(0.75, 0, 0, CbCrMatrix::Rec709);
    EXPECT_NEAR(red75.cb, 0.75 * red.cb, 1e-15);
    EXPECT_NEAR(red75.cr, 0.75 * red.cr, 1e-15);
}

TEST(CbCr, Bt2020BlueAndLuma) {
    // BT.2020-2 Table 4: Kb 0.0593, Kr 0.2627. Blue: Cb 0.5, Cr = -Kb / (2 (1 - Kr)).
    const CbCr blue = toCbCr(0, 0, 1, CbCrMatrix::Rec2020);
    EXPECT_NEAR(blue.cb, 0.5, 1e-15);
    EXPECT_NEAR(blue.cr, -0.0593 / (2 * (1 - 0.2627)), 1e-15);
    EXPECT_NEAR(lumaOf(0, 1, 0, CbCrMatrix::Rec2020), 0.6780, 1e-12);  // 1 - Kr - Kb
    EXPECT_NEAR(lumaOf(0, 1, 0, CbCrMatrix::Rec709), 0.7152, 1e-12);
}

TEST(CbCr, GreysHaveNoChroma) {
    for (auto matrix : {CbCrMatrix::Rec709, CbCrMatrix::Rec2020})
        for (double v : {0.0, 0.18, 0.5, 1.0}) {
            const CbCr c = toCbCr(v, v, v, matrix);
            EXPECT_NEAR(c.cb, 0.0, 1e-15);  // Kr + Kg + Kb = 1 up to double rounding
            EXPECT_NEAR(c.cr, 0.0, 1e-15);
            EXPECT_NEAR(lumaOf(v, v, v, matrix), v, 1e-15);
        }
}

TEST(Vectorscope, TwelveColourBarTargets) {
    for (auto matrix : {CbCrMatrix::Rec709, CbCrMatrix::Rec2020}) {
        const auto targets = vectorscopeTargets(matrix);
        ASSERT_EQ(targets.size(), 12u);
        const char* names[] = {"red", "magenta", "blue", "cyan", "green", "yellow"};
        for (int i = 0; i < 12; ++i) {
            EXPECT_EQ(targets[i].name, names[i % 6]);
            EXPECT_EQ(targets[i].level, i < 6 ? 0.75 : 1.0);
            // Every bar colour fits the -0.5..0.5 range; the 100% primaries touch its edge.
            EXPECT_LE(std::fabs(targets[i].position.cb), 0.5 + 1e-15);
            EXPECT_LE(std::fabs(targets[i].position.cr), 0.5 + 1e-15);
            // 75% is exactly three quarters of 100% (linearity).
            if (i < 6) {
                EXPECT_NEAR(targets[i].position.cb, 0.75 * targets[i + 6].position.cb, 1e-15);
                EXPECT_NEAR(targets[i].position.cr, 0.75 * targets[i + 6].position.cr, 1e-15);
            }
        }
        // Complements sit opposite: cyan = white - red, so its chroma is red's negated.
        for (int i = 0; i < 3; ++i) {
            EXPECT_NEAR(targets[6 + i].position.cb, -targets[9 + i].position.cb, 1e-15);
            EXPECT_NEAR(targets[6 + i].position.cr, -targets[9 + i].position.cr, 1e-15);
        }
        // Clockwise order: each target's angle is below the previous one's (mod 360).
        for (int i = 6; i < 11; ++i) {
            double step = degrees(targets[i].position) - degrees(targets[i + 1].position);
            if (step < 0) step += 360;
            EXPECT_GT(step, 0);
            EXPECT_LT(step, 180);
        }
    }
    const auto bt709 = vectorscopeTargets(CbCrMatrix::Rec709);
    EXPECT_NEAR(bt709[6].position.cb, -0.1146, kFourPlaces);  // 100% red, as above
    EXPECT_NEAR(bt709[6].position.cr, 0.5, 1e-15);
    EXPECT_NEAR(bt709[0].position.cb, 0.75 * -0.2126 / 1.8556, 1e-15);  // 75% red
}

TEST(Vectorscope, SkinToneLine) {
    // The I axis of NTSC (FCC 1953, SMPTE 170M): 123 degrees from +(B-Y).
    EXPECT_EQ(skinToneLineDegrees(), 123.0);
    // It lies between red and yellow, where skin hues are.
    const auto t = vectorscopeTargets(CbCrMatrix::Rec709);
    EXPECT_GT(skinToneLineDegrees(), degrees(t[6].position));   // red, about 103 degrees
    EXPECT_LT(skinToneLineDegrees(), degrees(t[11].position));  // yellow, about 175 degrees
    // The ColorChecker skin patches (X-Rite's published sRGB values: dark skin 115 82 68, light
    // skin 194 150 130; sRGB shares the BT.709 primaries and luma) fall on it. The line is a guide
    // for a band of hues, not a measurement: 3 degrees (the patches are within about 1).
    const CbCr dark = toCbCr(115 / 255.0, 82 / 255.0, 68 / 255.0, CbCrMatrix::Rec709);
    const CbCr light = toCbCr(194 / 255.0, 150 / 255.0, 130 / 255.0, CbCrMatrix::Rec709);
    EXPECT_NEAR(degrees(dark), skinToneLineDegrees(), 3.0);
    EXPECT_NEAR(degrees(light), skinToneLineDegrees(), 3.0);
}

// ---- Graticules ----

void expectAscending(const std::vector<GraticuleLine>& lines) {
    for (size_t i = 1; i < lines.size(); ++i) EXPECT_GT(lines[i].signal, lines[i - 1].signal) << lines[i].label;
}

TEST(Graticule, Percent) {
    const auto lines = graticule(ScopeScale::Percent);
    ASSERT_EQ(lines.size(), 13u);
    expectAscending(lines);
    EXPECT_EQ(lines.front().label, "-5");
    EXPECT_NEAR(lines.front().signal, -0.05, 1e-15);
    EXPECT_FALSE(lines.front().major);
    EXPECT_EQ(lines.back().label, "105");
    EXPECT_NEAR(lines.back().signal, 1.05, 1e-15);
    EXPECT_FALSE(lines.back().major);
    for (int i = 1; i <= 11; ++i) {
        const int percent = (i - 1) * 10;
        EXPECT_EQ(lines[i].label, std::to_string(percent));
        EXPECT_NEAR(lines[i].signal, percent / 100.0, 1e-15);
        EXPECT_EQ(lines[i].major, percent == 0 || percent == 50 || percent == 100) << percent;
    }
}

TEST(Graticule, TenBitCodeValues) {
    const auto lines = graticule(ScopeScale::CodeValue10);
    expectAscending(lines);
    std::vector<std::string> labels, majors;
    for (const auto& line : lines) {
        labels.push_back(line.label);
        if (line.major) majors.push_back(line.label);
        EXPECT_NEAR(line.signal, std::stoi(line.label) / 1023.0, 1e-15) << line.label;
    }
    EXPECT_EQ(labels, (std::vector<std::string>{"0", "64", "128", "192", "256", "320", "384", "448", "512", "576",
                                                "640", "704", "768", "832", "896", "940", "960", "1023"}));
    // Narrow-range 10-bit black and white (ITU-R BT.709-6 / BT.2100 Table 9).
    EXPECT_EQ(majors, (std::vector<std::string>{"64", "940"}));
    EXPECT_EQ(lines.back().signal, 1.0);
}

TEST(Graticule, PqNits) {
    const auto lines = graticule(ScopeScale::Nits);
    ASSERT_EQ(lines.size(), 8u);
    expectAscending(lines);
    const char* labels[] = {"0.1", "1", "10", "100", "203", "1000", "4000", "10000"};
    for (int i = 0; i < 8; ++i) {
        EXPECT_EQ(lines[i].label, labels[i]);
        EXPECT_EQ(lines[i].major, std::string(labels[i]) == "203");
        EXPECT_EQ(lines[i].signal, pqSignalFromNits(std::stod(labels[i])));
    }
    EXPECT_NEAR(lines[3].signal, 0.508078, kSixPlaces);  // 100 nits, as in Pq.PublishedSignalValues
    EXPECT_NEAR(lines[7].signal, 1.0, 1e-12);
}

}  // namespace
}  // namespace tinct::test
