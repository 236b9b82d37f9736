#pragma once
// Whether an OCIO display/view yields the signal an HDR10 window shows: SMPTE ST 2084 (PQ) code
// values with Rec.2020 primaries and a D65 white, as ITU-R BT.2100 defines them. Decided from what
// the config's display colour space does to light, not from its name.
#include <OpenColorIO/OpenColorIO.h>

#include <optional>
#include <string>

namespace tinct {

// nullopt when the display/view's code values are Rec.2100 PQ; else one sentence saying what they
// are instead (another transfer function, or PQ with other primaries), for the station's status line.
//
// The test: the display colour space's transform to the display reference, followed by OCIO's
// built-in CIE-XYZ-D65 to Rec.2100-PQ, must give back the code values it was given (OCIO 2's
// display reference is CIE-XYZ-D65 with 1.0 = 100 cd/m2, as the built-in display transforms assume).
std::optional<std::string> hdr10Mismatch(const OCIO_NAMESPACE::ConstConfigRcPtr& config, const std::string& display,
                                         const std::string& view);

}  // namespace tinct
