#pragma once
// Header attributes as JSON for `tinct info`: standard ones in the form people expect
// (timecode as 01:02:03:04, frame rate as a rational and a number) and every other typed
// attribute generically, so custom studio metadata is visible too.
#include <ImfAttribute.h>

#include <nlohmann/json.hpp>

namespace tinct {

// The value of one attribute; types with no JSON form become {"type": "<typeName>"}.
nlohmann::json exrAttributeToJson(const Imf::Attribute& attribute);

// A float as the shortest decimal that reads back as the same float (0.64, not 0.6399999857).
double floatForJson(float value);

}  // namespace tinct
