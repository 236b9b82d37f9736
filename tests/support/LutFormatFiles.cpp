#include "tests/support/LutFormatFiles.h"

#include <OpenColorIO/OpenColorIO.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace OCIO = OCIO_NAMESPACE;

namespace tinct::test {

namespace {

constexpr int kCube = 17;  // edge of every hand-written 3D LUT

// A film-like 3D look on [0, 1]: cross-talk between channels, a soft shoulder, and a twist that
// depends on the difference of two channels (so tetrahedral and trilinear interpolation differ).
void look3d(double r, double g, double b, double out[3]) {
    const double in[3] = {r, g, b};
    for (int c = 0; c < 3; ++c) {
        const double m = 0.8 * in[c] + 0.15 * in[(c + 1) % 3] + 0.05 * in[(c + 2) % 3];
        out[c] = 1.35 * m / (m + 0.35) + 0.03 * std::sin(6.0 * (in[(c + 1) % 3] - in[c]));
    }
}

// Rising per-channel curves: a shoulder, a gentle roll-off, a toe.
double curve1d(double x, int c) {
    if (c == 0) return 1.6 * x / (x + 0.6);
    if (c == 1) return x * (1.1 - 0.2 * x);
    return 0.5 * (std::exp(0.8 * x) - 1.0);
}

double at(int i, int n) { return i / double(n - 1); }

std::ofstream open(const std::string& path) {
    std::ofstream f(path);
    if (!f) throw std::runtime_error("cannot write " + path);
    return f;
}

std::string rgb(const double v[3]) {
    char line[96];
    std::snprintf(line, sizeof line, "%.7f %.7f %.7f", v[0], v[1], v[2]);
    return line;
}

int code(double v, int max) { return std::clamp(int(std::lround(v * max)), 0, max); }

// The ASC CDL used by the .cc/.ccc/.cdl files (ASC CDL v1.2: Slope, Offset, Power, Saturation).
const char* kColorCorrection =
    "  <SOPNode>\n"
    "    <Description>tinct test grade</Description>\n"
    "    <Slope>1.15 0.97 0.88</Slope>\n"
    "    <Offset>0.02 -0.01 0.035</Offset>\n"
    "    <Power>1.2 0.95 0.85</Power>\n"
    "  </SOPNode>\n"
    "  <SatNode>\n"
    "    <Saturation>1.25</Saturation>\n"
    "  </SatNode>\n";

// OCIO's raw config plus three colour spaces: "look_in" (the reference), "look_out" (a CDL, an
// exponent and a matrix from it) and "look_shaper" (log2(x + 2) over [-0.125, 8], for the bakers
// that write a 1D shaper before their 3D LUT).
OCIO::ConstConfigRcPtr bakeLookConfig() {
    auto config = OCIO::Config::CreateRaw()->createEditableCopy();
    auto in = OCIO::ColorSpace::Create();
    in->setName("look_in");
    config->addColorSpace(in);

    auto look = OCIO::GroupTransform::Create();
    auto cdl = OCIO::CDLTransform::Create();
    const double slope[3] = {1.1, 0.95, 0.9}, offset[3] = {0.02, 0.0, -0.01}, power[3] = {1.1, 1.0, 0.9};
    cdl->setSlope(slope);
    cdl->setOffset(offset);
    cdl->setPower(power);
    cdl->setSat(1.2);
    cdl->setStyle(OCIO::CDL_NO_CLAMP);
    look->appendTransform(cdl);
    auto exponent = OCIO::ExponentTransform::Create();
    const double e[4] = {0.8, 0.9, 1.05, 1.0};
    exponent->setValue(e);
    look->appendTransform(exponent);
    auto matrix = OCIO::MatrixTransform::Create();
    const double m44[16] = {0.85, 0.1, 0.05, 0, 0.05, 0.9, 0.05, 0, 0.02, 0.08, 0.9, 0, 0, 0, 0, 1};
    matrix->setMatrix(m44);
    look->appendTransform(matrix);
    auto out = OCIO::ColorSpace::Create();
    out->setName("look_out");
    out->setTransform(look, OCIO::COLORSPACE_DIR_FROM_REFERENCE);
    config->addColorSpace(out);

    auto shaper = OCIO::ColorSpace::Create();
    shaper->setName("look_shaper");
    auto allocation = OCIO::AllocationTransform::Create();
    allocation->setAllocation(OCIO::ALLOCATION_LG2);
    const float vars[3] = {float(std::log2(1.875)), float(std::log2(10.0)), 2.0f};  // log2(x + 2)
    allocation->setVars(3, vars);
    shaper->setTransform(allocation, OCIO::COLORSPACE_DIR_FROM_REFERENCE);
    config->addColorSpace(shaper);
    return config;
}

}  // namespace

void bakeLut(const std::string& path, const std::string& format) {
    auto baker = OCIO::Baker::Create();
    baker->setConfig(bakeLookConfig());
    baker->setFormat(format.c_str());
    baker->setInputSpace("look_in");
    baker->setShaperSpace("look_shaper");
    baker->setTargetSpace("look_out");
    baker->setCubeSize(kCube);
    // The .3dl bakers ignore the shaper but write an identity "mesh" line of this many entries, and
    // OCIO 2.1's .3dl reader silently stops reading at a line of 4096 characters or more (keeping a
    // cut mesh line as a 1D LUT and no 3D LUT at all): keep theirs at the cube size.
    const std::string ext = std::filesystem::path(path).extension().string();
    baker->setShaperSize(ext == ".3dl" ? kCube : 4096);
    auto f = open(path);
    baker->bake(f);
}

// OCIO FileFormatSpi1D.cpp: "Version 1", "From min max", "Length n", "Components c", then the
// entries between braces.
void writeSpi1d(const std::string& path) {
    auto f = open(path);
    const int n = 1024;
    const double lo = -0.125, hi = 2.0;
    f << "Version 1\nFrom " << lo << " " << hi << "\nLength " << n << "\nComponents 3\n{\n";
    for (int i = 0; i < n; ++i) {
        const double x = lo + (hi - lo) * at(i, n);
        const double v[3] = {curve1d(x, 0), curve1d(x, 1), curve1d(x, 2)};
        f << "    " << rgb(v) << "\n";
    }
    f << "}\n";
}

// OCIO FileFormatSpi3D.cpp: "SPILUT 1.0", "3 3", the three edge lengths, then "i j k R G B" lines in
// any order.
void writeSpi3d(const std::string& path) {
    auto f = open(path);
    f << "SPILUT 1.0\n3 3\n" << kCube << " " << kCube << " " << kCube << "\n";
    for (int r = 0; r < kCube; ++r)
        for (int g = 0; g < kCube; ++g)
            for (int b = 0; b < kCube; ++b) {
                double v[3];
                look3d(at(r, kCube), at(g, kCube), at(b, kCube), v);
                f << r << " " << g << " " << b << " " << rgb(v) << "\n";
            }
}

// OCIO FileFormatSpiMtx.cpp: three rows of "m0 m1 m2 offset", offsets in 16-bit code values.
void writeSpiMtx(const std::string& path) {
    auto f = open(path);
    f << "0.9 0.08 0.02 655.35\n"
         "0.05 0.85 0.1 -327.675\n"
         "0.02 0.1 0.88 1310.7\n";
}

// Cinespace (Rising Sun Research) CSPLUTV100: type line, metadata block, per channel a prelut
// (point count, input values, output values), then the 1D entries.
void writeCsp1d(const std::string& path) {
    auto f = open(path);
    f << "CSPLUTV100\n1D\n\nBEGIN METADATA\ntinct test curve\nEND METADATA\n\n";
    for (int c = 0; c < 3; ++c) f << "2\n0.0 2.0\n0.0 1.0\n";
    const int n = 256;
    f << "\n" << n << "\n";
    for (int i = 0; i < n; ++i) {
        const double x = 2.0 * at(i, n);
        const double v[3] = {curve1d(x, 0), curve1d(x, 1), curve1d(x, 2)};
        f << rgb(v) << "\n";
    }
}

// Houdini HDK "LUT files" (hdk_io_lut): header lines, then "LUT:" and a named block. Of the 1D types
// OCIO 2.1 reads only C (one curve for all channels), not the "RGB" its own baker writes.
void writeHoudini1d(const std::string& path) {
    auto f = open(path);
    const int n = 512;
    f << "Version\t\t1\nFormat\t\tany\nType\t\tC\nFrom\t\t0.0 2.0\nTo\t\t0.0 1.0\nBlack\t\t0\nWhite\t\t1\n"
      << "Length\t\t" << n << "\nLUT:\nRGB {\n";
    char line[64];
    for (int i = 0; i < n; ++i) {
        std::snprintf(line, sizeof line, "\t%.7f\n", curve1d(2.0 * at(i, n), 0));
        f << line;
    }
    f << "}\n";
}

// Autodesk Discreet 1D LUT (OCIO FileFormatDiscreet1DL.cpp): "LUT: tables length [outDepth]", then
// each table's integer entries, one a line.
void writeDiscreet1dl(const std::string& path) {
    auto f = open(path);
    const int n = 1024;
    f << "# tinct test curves, 10-bit in and out\nLUT: 3 " << n << " 1024\n";
    for (int c = 0; c < 3; ++c)
        for (int i = 0; i < n; ++i) f << code(curve1d(at(i, n), c), 1023) << "\n";
}

// Nuke vector field (OCIO FileFormatVF.cpp): "#Inventor V2.1 ascii", grid_size, global_transform (a
// row-major 4x4 applied before the LUT, its first three columns divided by the grid size), then the
// entries after "data", blue fastest.
void writeNukeVf(const std::string& path) {
    auto f = open(path);
    const double m[16] = {0.8, 0.1, 0.0, 0, 0.05, 0.75, 0.05, 0, 0.0, 0.1, 0.8, 0, 0, 0, 0, 1};
    f << "#Inventor V2.1 ascii\n\ngrid_size " << kCube << " " << kCube << " " << kCube << "\nglobal_transform";
    for (int i = 0; i < 16; ++i) f << " " << (i % 4 < 3 ? m[i] / kCube : m[i]);
    f << "\ndata\n";
    for (int r = 0; r < kCube; ++r)
        for (int g = 0; g < kCube; ++g)
            for (int b = 0; b < kCube; ++b) {
                double v[3];
                look3d(at(r, kCube), at(g, kCube), at(b, kCube), v);
                f << rgb(v) << "\n";
            }
}

// Pandora (OCIO FileFormatPandora.cpp): channel/in/out/format/values header, then "index R G B"
// integer lines, blue fastest; "out" is the code-value count.
void writePandora(const std::string& path) {
    auto f = open(path);
    f << "# tinct test look\nchannel 3d\nin " << kCube * kCube * kCube
      << "\nout 4096\nformat lut\nvalues red green blue\n";
    int index = 0;
    for (int r = 0; r < kCube; ++r)
        for (int g = 0; g < kCube; ++g)
            for (int b = 0; b < kCube; ++b) {
                double v[3];
                look3d(at(r, kCube), at(g, kCube), at(b, kCube), v);
                f << index++ << " " << code(v[0], 4095) << " " << code(v[1], 4095) << " " << code(v[2], 4095) << "\n";
            }
}

// IRIDAS .look (OCIO FileFormatIridasLook.cpp): <look><LUT><size>"n"</size><data>"hex"</data>, each
// value a little-endian float as eight hex digits, red fastest.
void writeIridasLook(const std::string& path) {
    auto f = open(path);
    f << "<?xml version=\"1.0\" ?>\n<look>\n  <shaders>\n    <base>\n      <visible>\"1\"</visible>\n    </base>\n"
      << "  </shaders>\n  <LUT>\n    <size>\"" << kCube << "\"</size>\n    <data>\"\n";
    char hex[4 * 2 + 1];
    for (int b = 0; b < kCube; ++b)
        for (int g = 0; g < kCube; ++g) {
            f << "      ";
            for (int r = 0; r < kCube; ++r) {
                double v[3];
                look3d(at(r, kCube), at(g, kCube), at(b, kCube), v);
                for (double value : v) {
                    const float x = float(value);
                    uint32_t bits;
                    std::memcpy(&bits, &x, sizeof bits);
                    std::snprintf(hex, sizeof hex, "%02X%02X%02X%02X", bits & 0xff, (bits >> 8) & 0xff,
                                  (bits >> 16) & 0xff, bits >> 24);
                    f << hex;
                }
            }
            f << "\n";
        }
    f << "      \"</data>\n  </LUT>\n</look>\n";
}

void writeAscCc(const std::string& path) {
    open(path) << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
               << "<ColorCorrection id=\"tinct_cc\" xmlns=\"urn:ASC:CDL:v1.2\">\n"
               << kColorCorrection << "</ColorCorrection>\n";
}

void writeAscCcc(const std::string& path) {
    open(path) << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
               << "<ColorCorrectionCollection xmlns=\"urn:ASC:CDL:v1.2\">\n"
               << "<ColorCorrection id=\"tinct_ccc\">\n"
               << kColorCorrection << "</ColorCorrection>\n</ColorCorrectionCollection>\n";
}

void writeAscCdl(const std::string& path) {
    open(path) << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
               << "<ColorDecisionList xmlns=\"urn:ASC:CDL:v1.2\">\n<ColorDecision>\n"
               << "<ColorCorrection id=\"tinct_cdl\">\n"
               << kColorCorrection << "</ColorCorrection>\n</ColorDecision>\n</ColorDecisionList>\n";
}

// CLF v3 (Academy S-2014-006): ProcessList of Matrix (3x4, with offsets), Range, Log (the ACEScct
// camera curve and back), ASC_CDL and Exponent (mirrored sRGB-style moncurve).
void writeClfOperators(const std::string& path) {
    const char* cct = "base=\"2\" linSideSlope=\"1\" linSideOffset=\"0\" logSideSlope=\"0.0570776255707763\" "
                      "logSideOffset=\"0.554794520547945\" linSideBreak=\"0.0078125\"";
    open(path)
        << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        << "<ProcessList compCLFversion=\"3\" id=\"tinct-clf-operators\" name=\"tinct test\">\n"
        << "  <Description>Every CLF operator but the LUTs</Description>\n"
        << "  <Matrix inBitDepth=\"32f\" outBitDepth=\"32f\">\n    <Array dim=\"3 4\">\n"
        << "      0.9 0.08 0.02 0.01\n      0.05 0.85 0.1 -0.005\n      0.02 0.1 0.88 0.02\n    </Array>\n  </Matrix>\n"
        << "  <Range inBitDepth=\"32f\" outBitDepth=\"32f\">\n"
        << "    <minInValue>-0.25</minInValue>\n    <maxInValue>12</maxInValue>\n"
        << "    <minOutValue>-0.25</minOutValue>\n    <maxOutValue>12</maxOutValue>\n  </Range>\n"
        << "  <Log inBitDepth=\"32f\" outBitDepth=\"32f\" style=\"cameraLinToLog\">\n    <LogParams " << cct
        << " />\n  </Log>\n"
        << "  <ASC_CDL inBitDepth=\"32f\" outBitDepth=\"32f\" style=\"FwdNoClamp\">\n" << kColorCorrection
        << "  </ASC_CDL>\n"
        << "  <Log inBitDepth=\"32f\" outBitDepth=\"32f\" style=\"cameraLogToLin\">\n    <LogParams " << cct
        << " />\n  </Log>\n"
        << "  <Exponent inBitDepth=\"32f\" outBitDepth=\"32f\" style=\"monCurveMirrorRev\">\n"
        << "    <ExponentParams exponent=\"2.4\" offset=\"0.055\" />\n  </Exponent>\n"
        << "</ProcessList>\n";
}

// OCIO's CTF (docs: "CTF file format"), version 2: Gamma, ExposureContrast and FixedFunction (not in
// CLF), then an InverseLUT1D.
void writeCtfOperators(const std::string& path) {
    auto f = open(path);
    f << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<ProcessList version=\"2\" id=\"tinct-ctf-operators\" name=\"tinct test\">\n"
      << "  <Gamma inBitDepth=\"32f\" outBitDepth=\"32f\" style=\"basicMirrorFwd\">\n"
      << "    <GammaParams channel=\"R\" gamma=\"1.1\" />\n    <GammaParams channel=\"G\" gamma=\"1.2\" />\n"
      << "    <GammaParams channel=\"B\" gamma=\"0.9\" />\n  </Gamma>\n"
      << "  <ExposureContrast inBitDepth=\"32f\" outBitDepth=\"32f\" style=\"linear\">\n"
      << "    <ECParams exposure=\"0.3\" contrast=\"1.15\" gamma=\"1.05\" pivot=\"0.18\" />\n  </ExposureContrast>\n"
      << "  <FixedFunction inBitDepth=\"32f\" outBitDepth=\"32f\" style=\"RedMod03Fwd\" />\n"
      << "  <FixedFunction inBitDepth=\"32f\" outBitDepth=\"32f\" style=\"Glow03Fwd\" />\n"
      << "  <InverseLUT1D inBitDepth=\"32f\" outBitDepth=\"32f\">\n    <Array dim=\"64 3\">\n";
    const int n = 64;
    for (int i = 0; i < n; ++i) {
        const double x = 4.0 * at(i, n);
        const double v[3] = {curve1d(x, 0), curve1d(x, 0) * 0.9 + 0.05 * x, curve1d(x, 2)};
        f << "      " << rgb(v) << "\n";
    }
    f << "    </Array>\n  </InverseLUT1D>\n</ProcessList>\n";
}

// ICC.1 (v2.1) display profile of the matrix/TRC model, the kind OCIO reads: a 128-byte header,
// the tag table, rXYZ/gXYZ/bXYZ colorants (sRGB's, adapted to D50) and rTRC/gTRC/bTRC as 1024-entry
// 'curv' tables of the sRGB curve. Big-endian throughout.
void writeIccDisplayProfile(const std::string& path) {
    std::string bytes;
    auto u16 = [&](uint32_t v) {
        bytes.push_back(char(v >> 8));
        bytes.push_back(char(v & 0xff));
    };
    auto u32 = [&](uint32_t v) {
        u16(v >> 16);
        u16(v & 0xffff);
    };
    auto sig = [&](const char* four) { bytes.append(four, 4); };
    auto s15 = [&](double v) { u32(uint32_t(int32_t(std::lround(v * 65536.0)))); };
    const int entries = 1024;
    const uint32_t xyzSize = 20, curvSize = 12 + 2 * entries, tags = 6;
    const uint32_t dataStart = 128 + 4 + 12 * tags;
    const uint32_t total = dataStart + 3 * xyzSize + 3 * curvSize;

    u32(total);
    u32(0);            // preferred CMM
    u32(0x02100000u);  // version 2.1
    sig("mntr");
    sig("RGB ");
    sig("XYZ ");
    for (uint32_t v : {2024u, 1u, 1u, 0u, 0u, 0u}) u16(v);  // creation date
    sig("acsp");
    for (int i = 0; i < 6; ++i) u32(0);  // platform, flags, manufacturer, model, attributes (8 bytes)
    u32(0);                              // perceptual intent
    for (double v : {0.9642, 1.0, 0.8249}) s15(v);  // PCS illuminant, D50
    u32(0);                                         // creator
    bytes.resize(128, '\0');                        // profile id and reserved bytes

    u32(tags);
    const char* names[tags] = {"rXYZ", "gXYZ", "bXYZ", "rTRC", "gTRC", "bTRC"};
    for (uint32_t i = 0; i < tags; ++i) {
        sig(names[i]);
        u32(i < 3 ? dataStart + i * xyzSize : dataStart + 3 * xyzSize + (i - 3) * curvSize);
        u32(i < 3 ? xyzSize : curvSize);
    }
    const double colorants[3][3] = {{0.4361, 0.2225, 0.0139}, {0.3851, 0.7169, 0.0971}, {0.1431, 0.0606, 0.7141}};
    for (const auto& xyz : colorants) {
        sig("XYZ ");
        u32(0);
        for (double v : xyz) s15(v);
    }
    for (int c = 0; c < 3; ++c) {
        sig("curv");
        u32(0);
        u32(entries);
        for (int i = 0; i < entries; ++i) {
            const double x = at(i, entries);
            u16(uint32_t(code(x <= 0.04045 ? x / 12.92 : std::pow((x + 0.055) / 1.055, 2.4), 65535)));
        }
    }
    std::ofstream f(path, std::ios::binary);
    f.write(bytes.data(), std::streamsize(bytes.size()));
    if (!f) throw std::runtime_error("cannot write " + path);
}

}  // namespace tinct::test
