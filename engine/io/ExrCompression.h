#pragma once
// The compressions an EXR output can use, by the names users type (the same names as
// OpenEXR's exrheader and oiiotool use).
#include <ImfCompression.h>

#include <string>
#include <string_view>

namespace tinct {

enum class ExrCompression { None, Rle, Zips, Zip, Piz, Pxr24, B44, B44a, Dwaa, Dwab };

// Accepts none|rle|zips|zip|piz|pxr24|b44|b44a|dwaa|dwab in any case; throws tinct::Error
// listing them otherwise.
ExrCompression parseExrCompression(std::string_view name);

std::string_view exrCompressionName(ExrCompression compression);

Imf::Compression toImfCompression(ExrCompression compression);

// The user-facing name of any compression OpenEXR knows, for `tinct info`.
std::string imfCompressionName(Imf::Compression compression);

}  // namespace tinct
