#include "engine/io/ExrCompression.h"

#include "engine/Error.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace tinct {
namespace {

struct CompressionName {
    ExrCompression ours;
    Imf::Compression imf;
    std::string_view name;
};

constexpr std::array<CompressionName, 10> kCompressions = {{
    {ExrCompression::None, Imf::NO_COMPRESSION, "none"},
    {ExrCompression::Rle, Imf::RLE_COMPRESSION, "rle"},
    {ExrCompression::Zips, Imf::ZIPS_COMPRESSION, "zips"},
    {ExrCompression::Zip, Imf::ZIP_COMPRESSION, "zip"},
    {ExrCompression::Piz, Imf::PIZ_COMPRESSION, "piz"},
    {ExrCompression::Pxr24, Imf::PXR24_COMPRESSION, "pxr24"},
    {ExrCompression::B44, Imf::B44_COMPRESSION, "b44"},
    {ExrCompression::B44a, Imf::B44A_COMPRESSION, "b44a"},
    {ExrCompression::Dwaa, Imf::DWAA_COMPRESSION, "dwaa"},
    {ExrCompression::Dwab, Imf::DWAB_COMPRESSION, "dwab"},
}};

const CompressionName& entry(ExrCompression compression) {
    return *std::find_if(kCompressions.begin(), kCompressions.end(),
                         [&](const CompressionName& c) { return c.ours == compression; });
}

}  // namespace

ExrCompression parseExrCompression(std::string_view name) {
    std::string lower(name);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char ch) { return char(std::tolower(ch)); });
    std::string known;
    for (const auto& c : kCompressions) {
        if (c.name == lower) return c.ours;
        known += (known.empty() ? "" : ", ") + std::string(c.name);
    }
    throw Error("unknown EXR compression '" + std::string(name) + "'; use one of: " + known);
}

std::string_view exrCompressionName(ExrCompression compression) {
    return entry(compression).name;
}

Imf::Compression toImfCompression(ExrCompression compression) {
    return entry(compression).imf;
}

std::string imfCompressionName(Imf::Compression compression) {
    for (const auto& c : kCompressions)
        if (c.imf == compression) return std::string(c.name);
    return "unknown (" + std::to_string(int(compression)) + ")";
}

}  // namespace tinct
