#pragma once
// ASC CDL files (.cc, .ccc, .cdl), read and written by OpenColorIO, so Tinct accepts exactly what
// OCIO accepts and writes what other systems read.
#include <array>
#include <string>

namespace tinct {

struct CdlValues {
    std::array<double, 3> slope{1, 1, 1}, offset{0, 0, 0}, power{1, 1, 1};
    double saturation = 1;
    std::string id;  // the ColorCorrection id, when the file gave one
};

// Reads one correction from a .cc, .ccc or .cdl file; `id` picks an entry of a collection by id or
// index (first entry when empty). Throws tinct::Error naming the file and the problem.
CdlValues loadCdl(const std::string& path, const std::string& id = "");

// Writes `values` as .cc, .ccc or .cdl (by the extension), atomically. Throws tinct::Error naming
// the file for another extension or a failed write.
void saveCdl(const std::string& path, const CdlValues& values);

}  // namespace tinct
