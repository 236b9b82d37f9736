#include "engine/scopes/ScopeGeometry.h"

#include "engine/color/St2084.h"

#include "engine/Error.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace tinct {
namespace {

// CIE 1931 2-degree standard observer colour-matching functions xbar, ybar, zbar, 380 to 700 nm
// every 5 nm, as tabulated in CIE 15:2004 "Colorimetry", Table T.4 (also ISO 11664-1 / CIE S 014-1,
// and the CVRL database file ciexyz31.txt, http://www.cvrl.org). Chromaticities are computed from
// them as x = xbar / (xbar + ybar + zbar), y = ybar / (xbar + ybar + zbar).
struct CmfRow {
    int nm;
    double xbar, ybar, zbar;
};
constexpr CmfRow kCie1931[] = {
    {380, 0.001368, 0.000039, 0.006450}, {385, 0.002236, 0.000064, 0.010550},
    {390, 0.004243, 0.000120, 0.020050}, {395, 0.007650, 0.000217, 0.036210},
    {400, 0.014310, 0.000396, 0.067850}, {405, 0.023190, 0.000640, 0.110200},
    {410, 0.043510, 0.001210, 0.207400}, {415, 0.077630, 0.002180, 0.371300},
    {420, 0.134380, 0.004000, 0.645600}, {425, 0.214770, 0.007300, 1.039050},
    {430, 0.283900, 0.011600, 1.385600}, {435, 0.328500, 0.016840, 1.622960},
    {440, 0.348280, 0.023000, 1.747060}, {445, 0.348060, 0.029800, 1.782600},
    {450, 0.336200, 0.038000, 1.772110}, {455, 0.318700, 0.048000, 1.744100},
    {460, 0.290800, 0.060000, 1.669200}, {465, 0.251100, 0.073900, 1.528100},
    {470, 0.195360, 0.090980, 1.287640}, {475, 0.142100, 0.112600, 1.041900},
    {480, 0.095640, 0.139020, 0.812950}, {485, 0.057950, 0.169300, 0.616200},
    {490, 0.032010, 0.208020, 0.465180}, {495, 0.014700, 0.258600, 0.353300},
    {500, 0.004900, 0.323000, 0.272000}, {505, 0.002400, 0.407300, 0.212300},
    {510, 0.009300, 0.503000, 0.158200}, {515, 0.029100, 0.608200, 0.111700},
    {520, 0.063270, 0.710000, 0.078250}, {525, 0.109600, 0.793200, 0.057250},
    {530, 0.165500, 0.862000, 0.042160}, {535, 0.225750, 0.914850, 0.029840},
    {540, 0.290400, 0.954000, 0.020300}, {545, 0.359700, 0.980300, 0.013400},
    {550, 0.433450, 0.994950, 0.008750}, {555, 0.512050, 1.000000, 0.005750},
    {560, 0.594500, 0.995000, 0.003900}, {565, 0.678400, 0.978600, 0.002750},
    {570, 0.762100, 0.952000, 0.002100}, {575, 0.842500, 0.915400, 0.001800},
    {580, 0.916300, 0.870000, 0.001650}, {585, 0.978600, 0.816300, 0.001400},
    {590, 1.026300, 0.757000, 0.001100}, {595, 1.056700, 0.694900, 0.001000},
    {600, 1.062200, 0.631000, 0.000800}, {605, 1.045600, 0.566800, 0.000600},
    {610, 1.002600, 0.503000, 0.000340}, {615, 0.938400, 0.441200, 0.000240},
    {620, 0.854450, 0.381000, 0.000190}, {625, 0.751400, 0.321000, 0.000100},
    {630, 0.642400, 0.265000, 0.000050}, {635, 0.541900, 0.217000, 0.000030},
    {640, 0.447900, 0.175000, 0.000020}, {645, 0.360800, 0.138200, 0.000010},
    {650, 0.283500, 0.107000, 0.000000}, {655, 0.218700, 0.081600, 0.000000},
    {660, 0.164900, 0.061000, 0.000000}, {665, 0.121200, 0.044580, 0.000000},
    {670, 0.087400, 0.032000, 0.000000}, {675, 0.063600, 0.023200, 0.000000},
    {680, 0.046770, 0.017000, 0.000000}, {685, 0.032900, 0.011920, 0.000000},
    {690, 0.022700, 0.008210, 0.000000}, {695, 0.015840, 0.005723, 0.000000},
    {700, 0.011359, 0.004102, 0.000000},
};

struct LumaCoefficients {
    double kr, kb;
};

// ITU-R BT.709-6 item 3.2 and ITU-R BT.2020-2 Table 4.
LumaCoefficients coefficients(CbCrMatrix matrix) {
    switch (matrix) {
    case CbCrMatrix::Rec709: return {0.2126, 0.0722};
    case CbCrMatrix::Rec2020: return {0.2627, 0.0593};
    }
    return {0.2126, 0.0722};
}

std::string numberLabel(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", value);
    return text;
}

}  // namespace

const std::vector<std::pair<int, Xy>>& spectralLocus() {
    static const std::vector<std::pair<int, Xy>> locus = [] {
        std::vector<std::pair<int, Xy>> points;
        for (const CmfRow& row : kCie1931) {
            const double sum = row.xbar + row.ybar + row.zbar;
            points.push_back({row.nm, Xy{row.xbar / sum, row.ybar / sum}});
        }
        return points;
    }();
    return locus;
}

const std::vector<NamedGamut>& cieGamuts() {
    // ITU-R BT.709-6 Table 1 item 1.3-1.4; SMPTE EG 432-1 (P3 primaries with the D65 white);
    // ITU-R BT.2020-2 Table 3. White D65 as these standards state it: x 0.3127, y 0.3290.
    static const std::vector<NamedGamut> gamuts = {
        {"Rec.709", {0.640f, 0.330f, 0.300f, 0.600f, 0.150f, 0.060f, 0.3127f, 0.3290f}},
        {"P3-D65", {0.680f, 0.320f, 0.265f, 0.690f, 0.150f, 0.060f, 0.3127f, 0.3290f}},
        {"Rec.2020", {0.708f, 0.292f, 0.170f, 0.797f, 0.131f, 0.046f, 0.3127f, 0.3290f}},
    };
    return gamuts;
}

std::array<double, 9> rgbToXyz(const Chromaticities& c) {
    // SMPTE RP 177-1993: P holds the XYZ of each primary at Y = 1 as columns; S = P^-1 W scales
    // them so that they add up to the white W (Y = 1); NPM = P diag(S).
    const double xs[3] = {c.redX, c.greenX, c.blueX};
    const double ys[3] = {c.redY, c.greenY, c.blueY};
    const double wx = c.whiteX, wy = c.whiteY;
    if (wy == 0.0 || ys[0] == 0.0 || ys[1] == 0.0 || ys[2] == 0.0)
        throw Error("chromaticities with a y of 0 have no primary matrix");

    double p[9];
    for (int i = 0; i < 3; ++i) {
        p[0 + i] = xs[i] / ys[i];
        p[3 + i] = 1.0;
        p[6 + i] = (1.0 - xs[i] - ys[i]) / ys[i];
    }
    const double w[3] = {wx / wy, 1.0, (1.0 - wx - wy) / wy};

    // P^-1 by the adjugate.
    const double det = p[0] * (p[4] * p[8] - p[5] * p[7]) - p[1] * (p[3] * p[8] - p[5] * p[6]) +
                       p[2] * (p[3] * p[7] - p[4] * p[6]);
    if (std::fabs(det) < 1e-12) throw Error("the primaries lie on one line and span no gamut");
    const double inv[9] = {
        (p[4] * p[8] - p[5] * p[7]) / det, (p[2] * p[7] - p[1] * p[8]) / det, (p[1] * p[5] - p[2] * p[4]) / det,
        (p[5] * p[6] - p[3] * p[8]) / det, (p[0] * p[8] - p[2] * p[6]) / det, (p[2] * p[3] - p[0] * p[5]) / det,
        (p[3] * p[7] - p[4] * p[6]) / det, (p[1] * p[6] - p[0] * p[7]) / det, (p[0] * p[4] - p[1] * p[3]) / det,
    };
    double s[3];
    for (int i = 0; i < 3; ++i) s[i] = inv[i * 3 + 0] * w[0] + inv[i * 3 + 1] * w[1] + inv[i * 3 + 2] * w[2];

    std::array<double, 9> npm{};
    for (int row = 0; row < 3; ++row)
        for (int col = 0; col < 3; ++col) npm[row * 3 + col] = p[row * 3 + col] * s[col];
    return npm;
}

double lumaOf(double r, double g, double b, CbCrMatrix matrix) {
    const LumaCoefficients k = coefficients(matrix);
    return k.kr * r + (1.0 - k.kr - k.kb) * g + k.kb * b;
}

CbCr toCbCr(double r, double g, double b, CbCrMatrix matrix) {
    const LumaCoefficients k = coefficients(matrix);
    const double y = lumaOf(r, g, b, matrix);
    return {(b - y) / (2.0 * (1.0 - k.kb)), (r - y) / (2.0 * (1.0 - k.kr))};
}

std::vector<VectorscopeTarget> vectorscopeTargets(CbCrMatrix matrix) {
    struct Bar {
        const char* name;
        int r, g, b;
    };
    // Clockwise from red around the vectorscope (+Cb right, +Cr up), the usual colour-bar order.
    static constexpr Bar bars[] = {
        {"red", 1, 0, 0}, {"magenta", 1, 0, 1}, {"blue", 0, 0, 1},
        {"cyan", 0, 1, 1}, {"green", 0, 1, 0},   {"yellow", 1, 1, 0},
    };
    std::vector<VectorscopeTarget> targets;
    for (double level : {0.75, 1.0})
        for (const Bar& bar : bars)
            targets.push_back({bar.name, level, toCbCr(bar.r * level, bar.g * level, bar.b * level, matrix)});
    return targets;
}

double skinToneLineDegrees() {
    // The flesh-tone line of vectorscopes (Tektronix waveform monitors, Resolve, Baselight) is the
    // NTSC in-phase (I) axis: the 1953 FCC/NTSC colour standard, carried into SMPTE 170M, defines I
    // and Q as the B-Y/R-Y axes turned by 33 degrees, so I lies at 123 degrees from +(B-Y).
    // Component (Cb/Cr) vectorscopes keep the same angle. Skin of every complexion falls near it:
    // the hue of skin varies little, only its saturation and lightness (see the ColorChecker skin
    // patches in the test).
    return 123.0;
}

std::vector<GraticuleLine> graticule(ScopeScale scale) {
    std::vector<GraticuleLine> lines;
    switch (scale) {
    case ScopeScale::Percent:
        lines.push_back({-0.05, "-5", false});
        for (int percent = 0; percent <= 100; percent += 10)
            lines.push_back({percent / 100.0, std::to_string(percent), percent % 50 == 0});
        lines.push_back({1.05, "105", false});
        break;
    case ScopeScale::CodeValue10: {
        std::vector<int> codes;
        for (int code = 0; code <= 960; code += 64) codes.push_back(code);
        codes.push_back(940);   // narrow-range (video) white, ITU-R BT.709 / BT.2100 10-bit
        codes.push_back(1023);  // top of the 10-bit range
        std::sort(codes.begin(), codes.end());
        for (int code : codes) lines.push_back({code / 1023.0, std::to_string(code), code == 64 || code == 940});
        break;
    }
    case ScopeScale::Nits:
        for (double nits : {0.1, 1.0, 10.0, 100.0, 203.0, 1000.0, 4000.0, 10000.0})
            lines.push_back({pqSignalFromNits(nits), numberLabel(nits), nits == 203.0});
        break;
    }
    return lines;
}

}  // namespace tinct
