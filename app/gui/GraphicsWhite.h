#pragma once
// The station's own colours (UI, scopes, backgrounds: sRGB code values) on an HDR10 window. Read
// as PQ code values they would be far too bright (1.0 is 10000 cd/m2) and too dark in the greys;
// instead they are shown as an SDR display would show them, with white at ITU-R BT.2408 graphics
// white. The viewer image is never mapped: it holds the display/view's code values already.
#include <array>
#include <cstdint>

namespace tinct {

// ITU-R BT.2408: the luminance of graphics white (and of HDR reference white) in an HDR signal.
constexpr double kGraphicsWhiteNits = 203.0;

// sRGB code values (IEC 61966-2-1, Rec.709 primaries) to ST 2084 code values in Rec.2020, white
// at graphics white. The composite shader's uiToPq is the same mapping.
std::array<double, 3> sdrToGraphicsWhitePq(const std::array<double, 3>& srgb);

// The same for a Dear ImGui colour: 8 bits a channel, R in the low byte, alpha (kept) in the top.
uint32_t sdrToGraphicsWhitePq(uint32_t rgba8);

}  // namespace tinct
