#pragma once
// Which source attributes an output may inherit. The structural ones describe how the source
// was stored (its channels, tiling, parts, compression); the output decides those itself, and
// copying them would make the header lie about the file.
#include <ImfHeader.h>

#include <string_view>

namespace tinct {

bool isStructuralExrAttribute(std::string_view name);

// Copies every attribute of source that is not structural into destination, replacing any of
// the same name.
void copyDescriptiveAttributes(const Imf::Header& source, Imf::Header& destination);

}  // namespace tinct
