#include "engine/color/Primaries.h"

#include <cmath>
#include <vector>

namespace tinct {

namespace {

struct Gamut {
    const char* linearSpace;
    Chromaticities xy;
    std::vector<const char*> names;  // config names with these primaries
};

// Published primaries: SMPTE ST 2065-1 (AP0), S-2014-004 (AP1), ITU-R BT.709, SMPTE EG 432-1
// (P3-D65), SMPTE RP 431-2 (P3-DCI white), ITU-R BT.2020.
const std::vector<Gamut>& gamuts() {
    static const std::vector<Gamut> table = {
        {"ACES2065-1", {0.7347f, 0.2653f, 0.0f, 1.0f, 0.0001f, -0.0770f, 0.32168f, 0.33767f}, {"ACES2065-1"}},
        {"ACEScg", {0.713f, 0.293f, 0.165f, 0.830f, 0.128f, 0.044f, 0.32168f, 0.33767f}, {"ACEScg", "ACEScct", "ACEScc"}},
        {"Linear Rec.709 (sRGB)",
         {0.64f, 0.33f, 0.30f, 0.60f, 0.15f, 0.06f, 0.3127f, 0.3290f},
         {"Linear Rec.709 (sRGB)", "sRGB - Texture", "Rec.1886 Rec.709 - Video", "sRGB", "Rec.1886 Rec.709"}},
        {"Linear P3-D65",
         {0.680f, 0.320f, 0.265f, 0.690f, 0.150f, 0.060f, 0.3127f, 0.3290f},
         {"Linear P3-D65", "P3-D65", "ST2084-P3-D65"}},
        {nullptr, {0.680f, 0.320f, 0.265f, 0.690f, 0.150f, 0.060f, 0.314f, 0.351f}, {"P3-DCI"}},
        {"Linear Rec.2020",
         {0.708f, 0.292f, 0.170f, 0.797f, 0.131f, 0.046f, 0.3127f, 0.3290f},
         {"Linear Rec.2020", "Rec.2100-PQ", "Rec.2100-HLG"}},
    };
    return table;
}

bool close(const Chromaticities& a, const Chromaticities& b) {
    const float pa[] = {a.redX, a.redY, a.greenX, a.greenY, a.blueX, a.blueY, a.whiteX, a.whiteY};
    const float pb[] = {b.redX, b.redY, b.greenX, b.greenY, b.blueX, b.blueY, b.whiteX, b.whiteY};
    for (int i = 0; i < 8; ++i)
        if (std::fabs(pa[i] - pb[i]) > 0.001f) return false;
    return true;
}

}  // namespace

std::optional<std::string> linearColorSpaceFor(const Chromaticities& xy) {
    for (const auto& g : gamuts())
        if (g.linearSpace && close(g.xy, xy)) return std::string(g.linearSpace);
    return std::nullopt;
}

Chromaticities rec709Chromaticities() { return gamuts()[2].xy; }

std::optional<Chromaticities> chromaticitiesOf(const std::string& name) {
    for (const auto& g : gamuts())
        for (const char* n : g.names)
            if (name == n) return g.xy;
    return std::nullopt;
}

}  // namespace tinct
