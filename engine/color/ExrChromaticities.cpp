#include "engine/color/ExrChromaticities.h"

#include "engine/io/ExrInfo.h"

namespace tinct {

std::optional<Chromaticities> exrChromaticities(const std::string& path) {
    const auto attributes = describeExr(path)["parts"][0]["attributes"];
    if (!attributes.contains("chromaticities")) return std::nullopt;
    const auto& c = attributes["chromaticities"];
    return Chromaticities{c["red"][0], c["red"][1], c["green"][0], c["green"][1],
                          c["blue"][0], c["blue"][1], c["white"][0], c["white"][1]};
}

}  // namespace tinct
