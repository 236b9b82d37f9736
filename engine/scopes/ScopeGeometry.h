#pragma once
// The published numbers the GPU scopes draw and are tested against: the CIE 1931 spectral locus
// and standard gamuts for the chromaticity scope, Y'CbCr for the vectorscope and its colour-bar
// targets and skin-tone line, graticule lines for waveform and parade (nits through
// color/St2084). Plain data and closed-form maths; no GPU here.
#include "engine/color/Primaries.h"

#include <array>
#include <string>
#include <utility>
#include <vector>

namespace tinct {

// ---- Chromaticity (CIE 1931 xy) scope ----

struct Xy {
    double x, y;
};

// Chromaticities of monochromatic light, 380 to 700 nm every 5 nm (65 points, ascending), for
// the CIE 1931 2-degree standard observer. Joining the ends (the line of purples) closes the
// horseshoe.
const std::vector<std::pair<int, Xy>>& spectralLocus();

struct NamedGamut {
    std::string name;
    Chromaticities xy;
};

// Rec.709, P3-D65 and Rec.2020, with their published primaries and D65 white.
const std::vector<NamedGamut>& cieGamuts();

// The normalised primary matrix of SMPTE RP 177: linear RGB -> CIE XYZ, row-major (X row first),
// scaled so that RGB (1, 1, 1) gives the white point with Y = 1. Throws tinct::Error if the
// primaries or white are degenerate (a y of zero, or primaries on one line).
std::array<double, 9> rgbToXyz(const Chromaticities& xy);

// ---- Vectorscope ----

// The luma coefficients: BT.709 (Kr 0.2126, Kb 0.0722) or BT.2020 (Kr 0.2627, Kb 0.0593).
enum class CbCrMatrix { Rec709, Rec2020 };

struct CbCr {
    double cb, cr;
};

// Y' = Kr R' + (1 - Kr - Kb) G' + Kb B' for non-linear R'G'B' (nominally 0..1; not clamped).
double lumaOf(double r, double g, double b, CbCrMatrix matrix);

// Cb = (B' - Y') / (2 (1 - Kb)), Cr = (R' - Y') / (2 (1 - Kr)): -0.5..0.5 for R'G'B' in 0..1.
CbCr toCbCr(double r, double g, double b, CbCrMatrix matrix);

struct VectorscopeTarget {
    std::string name;  // "red", "magenta", "blue", "cyan", "green", "yellow"
    double level;      // 0.75 or 1.0: the R'G'B' value of the components that are on
    CbCr position;
};

// The six colour-bar colours at 75% and then at 100%, each in the order red, magenta, blue, cyan,
// green, yellow (clockwise from red around the vectorscope, +Cb to the right, +Cr up). Components are 0 or the level.
std::vector<VectorscopeTarget> vectorscopeTargets(CbCrMatrix matrix);

// The skin-tone (flesh) line, in degrees counter-clockwise from the +Cb axis: 123.
double skinToneLineDegrees();

// ---- Waveform graticules ----

enum class ScopeScale { Percent, CodeValue10, Nits };

struct GraticuleLine {
    double signal;      // where the line sits: 0..1 of the waveform's signal axis
    std::string label;  // what is written beside it
    bool major;         // drawn brighter / with a label always shown
};

// Lines in ascending signal order.
//   Percent:     -5 (minor), 0, 10, ..., 100, 105 (minor); 0, 50 and 100 major; signal = percent / 100.
//   CodeValue10: 0, 64, 128, ..., 960, and 940 and 1023; 64 and 940 (narrow-range video black and
//                white) major; signal = code / 1023.
//   Nits:        0.1, 1, 10, 100, 203 (major: BT.2408 reference white), 1000, 4000, 10000 cd/m2 for
//                a PQ signal; signal = pqSignalFromNits(nits); labels are the numbers of nits.
std::vector<GraticuleLine> graticule(ScopeScale scale);

}  // namespace tinct
