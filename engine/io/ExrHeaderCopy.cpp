#include "engine/io/ExrHeaderCopy.h"

#include <algorithm>
#include <array>

namespace tinct {
namespace {

// "preview" is a thumbnail of the source pixels and "multiView" names views of channels the
// output does not have; both would be stale. dwaCompressionLevel belongs to the output's choice
// of compression, not the source's.
constexpr std::array<std::string_view, 16> kStructural = {
    "channels", "compression", "dataWindow", "displayWindow", "lineOrder", "tiles",
    "type", "name", "view", "chunkCount", "version", "maxSamplesPerPixel",
    "deepImageState", "preview", "multiView", "dwaCompressionLevel"};

}  // namespace

bool isStructuralExrAttribute(std::string_view name) {
    return std::find(kStructural.begin(), kStructural.end(), name) != kStructural.end();
}

void copyDescriptiveAttributes(const Imf::Header& source, Imf::Header& destination) {
    for (auto it = source.begin(); it != source.end(); ++it)
        if (!isStructuralExrAttribute(it.name())) {
            // insert() replaces a value of the same type but refuses to change a type, so erase
            // only then (OpenEXR 3.1's erase leaks the attribute, and the case is rare).
            const auto existing = destination.find(it.name());
            if (existing != destination.end() &&
                std::string_view(existing.attribute().typeName()) != it.attribute().typeName())
                destination.erase(it.name());
            destination.insert(it.name(), it.attribute());
        }
}

}  // namespace tinct
