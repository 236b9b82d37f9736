#pragma once
// What the scopes show and how: kinds, image size, histogram bins, graticule scale, the colour
// matrix for luma and Cb/Cr, and what the signal is (for the CIE plot).
#include <string>
#include <vector>

#include "engine/color/Primaries.h"
#include "engine/scopes/ScopeGeometry.h"

namespace tinct {

enum class ScopeKind { Waveform, Parade, Vectorscope, Histogram, Cie };

const char* scopeKindName(ScopeKind kind);  // "waveform", "parade", ...
std::vector<ScopeKind> parseScopeKinds(const std::string& commaSeparated);  // throws tinct::Error
const std::vector<ScopeKind>& allScopeKinds();

// How the analysed signal encodes light, for the CIE plot (which needs linear XYZ).
enum class SignalTransfer { Linear = 0, Srgb = 1, Gamma24 = 2, Gamma26 = 3, Pq = 4 };

struct ScopeOptions {
    std::vector<ScopeKind> kinds = allScopeKinds();
    int width = 1024, height = 512;  // waveform, parade, histogram; vectorscope and CIE are height x height
    int bins = 1024;                 // histogram bins over [0, 1]
    ScopeScale scale = ScopeScale::Percent;
    bool rgbWaveform = false;        // RGB overlay instead of luma
    int zoom = 1;                    // vectorscope: 1, 2 or 4
    bool logHistogram = false;
    CbCrMatrix matrix = CbCrMatrix::Rec709;
    Chromaticities primaries = rec709Chromaticities();
    SignalTransfer transfer = SignalTransfer::Linear;
    // Count histogram, waveform and vectorscope even where they are not drawn (the --json numbers).
    bool allCounts = false;
};

// The waveform's vertical extent in signal units: a little below black and above white, as on a
// broadcast waveform monitor.
constexpr float kWaveformLow = -0.05f, kWaveformHigh = 1.10f;

// Cb/Cr of +-0.5 (the 100% colour bars reach it) land this far from the vectorscope's centre, as
// a fraction of half its size, leaving a margin around the 100% targets.
constexpr float kVectorscopeReach = 0.9f;

// The CIE plot's window in xy.
constexpr float kCieX0 = 0.0f, kCieY0 = 0.0f, kCieX1 = 0.8f, kCieY1 = 0.9f;

}  // namespace tinct
