#pragma once
// RGB primaries and white points Tinct knows by name: to choose an input colour space from an
// EXR's chromaticities (--input-colorspace auto) and to tag outputs with the primaries of their
// colour space.
#include <optional>
#include <string>

namespace tinct {

struct Chromaticities {
    float redX, redY, greenX, greenY, blueX, blueY, whiteX, whiteY;
};

// The scene-linear colour space of the shipped config with these primaries and white point
// (within 0.001 in x and y), if there is one.
std::optional<std::string> linearColorSpaceFor(const Chromaticities& xy);

// Rec.709 primaries with a D65 white: what an EXR without a chromaticities attribute means.
Chromaticities rec709Chromaticities();

// Primaries and white of a colour space or display of the shipped config, by name; nullopt for
// names whose primaries Tinct does not know (camera gamuts, data).
std::optional<Chromaticities> chromaticitiesOf(const std::string& colorSpaceOrDisplay);

}  // namespace tinct
