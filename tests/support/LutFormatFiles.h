#pragma once
// LUT files of every format OpenColorIO 2.1 reads, written by the tests: the formats OCIO can bake
// with OCIO::Baker, and the rest by small writers that follow each format's published description
// (or, where there is none, OCIO's reader). The looks mix channels and bend curves, so that every
// interpolation path and channel of the GPU code matters.
#include <string>

namespace tinct::test {

// Bakes a CDL, an exponent and a matrix with OCIO::Baker in `format` (a Baker format name) to
// `path`: a 17^3 cube, after a 4096-entry log2(x + 2) shaper over [-0.125, 8] where the format has
// one.
void bakeLut(const std::string& path, const std::string& format);

// Sony Pictures Imageworks formats (OCIO's own; described in OCIO's readers FileFormatSpi*.cpp).
void writeSpi1d(const std::string& path);    // 1D, 1024 entries over [-0.125, 2]
void writeSpi3d(const std::string& path);    // 3D, 17^3, one "r g b -> R G B" line per entry
void writeSpiMtx(const std::string& path);   // 3x4 matrix, offsets in 16-bit code values

// Cinespace 1D (.csp) with a two-point prelut that widens the domain to [0, 2].
void writeCsp1d(const std::string& path);

// Houdini channel LUT (.lut, "Type C": one curve for all channels, the 1D type OCIO reads).
void writeHoudini1d(const std::string& path);

// Autodesk Discreet 1D LUT (.lut, "LUT: 3 1024"), 10-bit in and out.
void writeDiscreet1dl(const std::string& path);

// Nuke vector field (.vf): a 17^3 LUT after a global matrix.
void writeNukeVf(const std::string& path);

// Pandora (.mga and .m3d share one text layout): a 17^3 LUT of 12-bit integers.
void writePandora(const std::string& path);

// IRIDAS/Adobe .look: a 17^3 LUT as hex-encoded little-endian floats in XML.
void writeIridasLook(const std::string& path);

// ASC CDL v1.2 files: one ColorCorrection (.cc), a collection of one (.ccc), a decision list (.cdl).
void writeAscCc(const std::string& path);
void writeAscCcc(const std::string& path);
void writeAscCdl(const std::string& path);

// Academy/ASC Common LUT Format v3 (S-2014-006) without LUTs: Matrix, Range, Log, ASC_CDL, Exponent.
// (The baked .clf covers LUT1D and LUT3D.)
void writeClfOperators(const std::string& path);

// Autodesk Color Transform Format (OCIO's CTF, version 2): operators CLF lacks (Gamma,
// ExposureContrast, FixedFunction) and an InverseLUT1D.
void writeCtfOperators(const std::string& path);

// ICC display profile (.icc/.icm/.pf) of the matrix/TRC model, curves as 1024-entry tables.
void writeIccDisplayProfile(const std::string& path);

}  // namespace tinct::test
