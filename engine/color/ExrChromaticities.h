#pragma once
#include <optional>
#include <string>

#include "engine/color/Primaries.h"

namespace tinct {

// The chromaticities attribute of an EXR's first part (headers only); nullopt when it has none.
std::optional<Chromaticities> exrChromaticities(const std::string& path);

}  // namespace tinct
