#pragma once
// What an OCIO config offers, for `tinct colorspaces` and the station's colour menu.
#include <nlohmann/json.hpp>

#include "engine/color/ColorConfig.h"

namespace tinct {

// {"config", "source", "colorspaces": [{"name", "family", "encoding", "aliases", "referenceSpace"}],
//  "displays": [{"name", "views"}], "looks": [{"name", "processSpace"}], "roles": {role: space}}
nlohmann::json describeConfig(const LoadedConfig& config);

}  // namespace tinct
