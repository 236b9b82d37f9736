#pragma once
// Closed forms from the standards, written out here so that tests do not check the station's HDR
// maths against itself: SMPTE ST 2084 (PQ), the IEC 61966-2-1 sRGB decode, ITU-R BT.2087's Rec.709
// to Rec.2020 matrix.
#include <array>

namespace tinct::test {

// ST 2084 inverse EOTF: cd/m2 (0..10000) to a signal 0..1.
double pqSignal(double nits);
// IEC 61966-2-1: an sRGB code value 0..1 to linear light 0..1.
double srgbDecode(double code);
// Linear Rec.709 RGB to linear Rec.2020 RGB (ITU-R BT.2087, D65 both).
std::array<double, 3> rec709ToRec2020(const std::array<double, 3>& rgb);
// An sRGB UI colour on an HDR10 display, white at 203 cd/m2 (ITU-R BT.2408): PQ code values.
std::array<double, 3> uiColourAsPq(const std::array<double, 3>& srgb);

}  // namespace tinct::test
