// Every LUT format OpenColorIO 2.1 reads, through loadLut and the one GPU path, against OCIO's CPU
// FileTransform of the same file with the same interpolation. The formats OCIO can bake are baked
// (every Baker format, so a new one is covered when OCIO adds it); the rest are written by hand
// (tests/support/LutFormatFiles.h). Each test also checks which LUTs the step samples, so a reader
// that silently lost part of a file would show even though the oracle reads the file the same way.
#include <gtest/gtest.h>

#include <OpenColorIO/OpenColorIO.h>

#include <algorithm>
#include <bit>
#include <limits>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "engine/Error.h"
#include "engine/color/LutFile.h"
#include "tests/support/GpuFixture.h"
#include "tests/support/LutFormatFiles.h"
#include "tests/support/OcioOracle.h"
#include "tests/support/TempDir.h"
#include "tests/support/TestPixels.h"

namespace OCIO = OCIO_NAMESPACE;
using namespace tinct;
using namespace tinct::test;

namespace {

// LUT lookups: the GPU interpolates in float as the CPU does, in another order (LUT values here
// stay within about [-0.5, 13]).
constexpr double kLutTolerance = 1e-5;
// Matrices, CDLs, logs, exponents and fixed functions: GLSL pow/exp2/log2 are specified to a few
// ULP, so the error is relative; compared with maxScaledError (absolute below 1, relative above),
// as the CDL step's test does.
constexpr double kArithmeticTolerance = 2e-5;

enum class Measure { Absolute, Scaled };

// The LUTs a step samples, in OcioGpuStep's order (3D first): "3D 17, 1D 4096" ("1D 4096x17" for
// a long 1D LUT that OCIO wraps into rows). Shows that each reader found the LUTs its file holds.
std::string lutShapes(const OcioGpuStep& step) {
    std::string shapes;
    for (const StepTexture& t : step.textures()) {
        if (!shapes.empty()) shapes += ", ";
        if (t.shape.dimensions == 3)
            shapes += "3D " + std::to_string(t.shape.width);
        else
            shapes += "1D " + std::to_string(t.shape.width) +
                      (t.shape.height > 1 ? "x" + std::to_string(t.shape.height) : std::string());
    }
    return shapes;
}

class LutFormatTest : public GpuFixture {
protected:
    TempDir dir;

    // loadLut(path, tetrahedral) on the GPU against OCIO's CPU FileTransform of the file with the
    // interpolation loadLut asks for ("best": tetrahedral for 3D LUTs, linear for 1D ones).
    // `luts` is what lutShapes must say; `cccid` picks the oracle's correction in .ccc/.cdl files.
    void expectMatchesOcio(const std::string& path, const std::string& luts, double tolerance,
                           Measure measure = Measure::Absolute, const std::string& cccid = "") {
        const auto step = loadLut(path, LutInterpolation::Tetrahedral);
        EXPECT_EQ(lutShapes(*step), luts) << path;
        // LUTs are sampled with float weights on every device (engine/color/LutSampling), so the
        // stated tolerance is the whole bound.
        const double bound = tolerance;
        auto oracle = OCIO::FileTransform::Create();
        oracle->setSrc(path.c_str());
        oracle->setCCCId(cccid.c_str());
        oracle->setInterpolation(OCIO::INTERP_BEST);
        const auto pixels = colourProbePixels();
        const auto gpuOut = runOnGpu({step}, pixels);
        const auto ref = ocioReference(oracle, pixels);
        const MaxError err = measure == Measure::Absolute ? maxRgbError(gpuOut, ref) : maxScaledError(gpuOut, ref);
        char numbers[64];
        std::snprintf(numbers, sizeof numbers, "%.3g <= %.3g", err.error, bound);
        RecordProperty("error", numbers);
        RecordProperty("luts", lutShapes(*step));
        const size_t p = err.pixel * 4;
        EXPECT_LE(err.error, bound) << path << " pixel " << err.pixel << " in " << pixels[p] << "," << pixels[p + 1]
                                    << "," << pixels[p + 2] << ": gpu " << gpuOut[p] << "," << gpuOut[p + 1] << ","
                                    << gpuOut[p + 2] << " ocio " << ref[p] << "," << ref[p + 1] << "," << ref[p + 2];
        for (size_t i = 3; i < gpuOut.size(); i += 4)
            ASSERT_EQ(gpuOut[i], sanitized(pixels[i])) << path << ": alpha, pixel " << i / 4;
    }

    // loadLut refuses `path` with a tinct::Error that names it.
    void expectErrorNaming(const std::string& path) {
        try {
            loadLut(path, LutInterpolation::Tetrahedral);
            ADD_FAILURE() << path << " accepted";
        } catch (const Error& e) {
            EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << e.what();
        }
    }
};

// One test per OCIO::Baker format, named after it.
class BakedLutFormatTest : public LutFormatTest, public ::testing::WithParamInterface<int> {
public:
    static std::string name(const ::testing::TestParamInfo<int>& info) {
        std::string n = OCIO::Baker::getFormatNameByIndex(info.param);
        for (char& c : n)
            if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
        return n;
    }
};

}  // namespace

// Baked from a CDL, an exponent and a matrix: a 17^3 cube, after a 4096-entry log2(x + 2) shaper
// over [-0.125, 8] in the formats that have one.
TEST_P(BakedLutFormatTest, MatchesOcio) {
    const std::string format = OCIO::Baker::getFormatNameByIndex(GetParam());
    const std::string path = dir.file("baked." + std::string(OCIO::Baker::getFormatExtensionByIndex(GetParam())));
    bakeLut(path, format);
    // cinespace's reader resamples its shaper to 65536 entries, which OCIO wraps into rows.
    const std::map<std::string, std::string> withShaper = {{"Academy/ASC Common LUT Format", "3D 17, 1D 4096x2"},
                                                           {"Color Transform Format", "3D 17, 1D 4096x2"},
                                                           {"cinespace", "3D 17, 1D 4096x17"},
                                                           {"houdini", "3D 17, 1D 4096x2"},
                                                           {"resolve_cube", "3D 17, 1D 4096x2"}};
    const auto shaper = withShaper.find(format);
    expectMatchesOcio(path, shaper == withShaper.end() ? "3D 17" : shaper->second, kLutTolerance);
}

INSTANTIATE_TEST_SUITE_P(OcioBaker, BakedLutFormatTest, ::testing::Range(0, OCIO::Baker::getNumFormats()),
                         BakedLutFormatTest::name);

TEST_F(LutFormatTest, Spi1dMatchesOcio) {
    writeSpi1d(dir.file("curve.spi1d"));
    expectMatchesOcio(dir.file("curve.spi1d"), "1D 1024", kLutTolerance);
}

TEST_F(LutFormatTest, Spi3dMatchesOcio) {
    writeSpi3d(dir.file("look.spi3d"));
    expectMatchesOcio(dir.file("look.spi3d"), "3D 17", kLutTolerance);
}

TEST_F(LutFormatTest, SpiMtxMatchesOcio) {
    writeSpiMtx(dir.file("mix.spimtx"));
    expectMatchesOcio(dir.file("mix.spimtx"), "", kArithmeticTolerance, Measure::Scaled);
}

TEST_F(LutFormatTest, Cinespace1dMatchesOcio) {
    writeCsp1d(dir.file("curve.csp"));
    expectMatchesOcio(dir.file("curve.csp"), "1D 256", kLutTolerance);
}

TEST_F(LutFormatTest, Houdini1dMatchesOcio) {
    writeHoudini1d(dir.file("curve.lut"));
    expectMatchesOcio(dir.file("curve.lut"), "1D 512", kLutTolerance);
}

TEST_F(LutFormatTest, Discreet1dlMatchesOcio) {
    writeDiscreet1dl(dir.file("curve.1dl.lut"));
    expectMatchesOcio(dir.file("curve.1dl.lut"), "1D 1024", kLutTolerance);
}

TEST_F(LutFormatTest, NukeVectorFieldMatchesOcio) {
    writeNukeVf(dir.file("look.vf"));
    expectMatchesOcio(dir.file("look.vf"), "3D 17", kLutTolerance);
}

TEST_F(LutFormatTest, PandoraMgaAndM3dMatchOcio) {
    for (const char* name : {"look.mga", "look.m3d"}) {
        writePandora(dir.file(name));
        expectMatchesOcio(dir.file(name), "3D 17", kLutTolerance);
    }
}

TEST_F(LutFormatTest, IridasLookMatchesOcio) {
    writeIridasLook(dir.file("grade.look"));
    expectMatchesOcio(dir.file("grade.look"), "3D 17", kLutTolerance);
}

// OCIO's forward direction for a display profile is XYZ to display code values: the inverse of the
// profile's matrix, then of its curves (as for the .ctf, a forward LUT over every half value).
TEST_F(LutFormatTest, IccProfileMatchesOcio) {
    for (const char* name : {"display.icc", "display.icm", "display.pf"}) {
        writeIccDisplayProfile(dir.file(name));
        expectMatchesOcio(dir.file(name), "1D 4096x17", kArithmeticTolerance, Measure::Scaled);
    }
}

TEST_F(LutFormatTest, AscCcMatchesOcio) {
    writeAscCc(dir.file("grade.cc"));
    expectMatchesOcio(dir.file("grade.cc"), "", kArithmeticTolerance, Measure::Scaled);
}

// A .ccc or .cdl holding one correction is that correction. OCIO asks for an id (a name or an index)
// even then, and loadLut gives none: this fails until loadLut picks one (e.g. setCCCId("0")).
TEST_F(LutFormatTest, AscCccAndCdlWithOneCorrectionMatchOcio) {
    writeAscCcc(dir.file("grade.ccc"));
    writeAscCdl(dir.file("grade.cdl"));
    for (const char* name : {"grade.ccc", "grade.cdl"})
        expectMatchesOcio(dir.file(name), "", kArithmeticTolerance, Measure::Scaled, "0");
}

TEST_F(LutFormatTest, ClfOperatorsMatchOcio) {
    writeClfOperators(dir.file("operators.clf"));
    expectMatchesOcio(dir.file("operators.clf"), "", kArithmeticTolerance, Measure::Scaled);
}

TEST_F(LutFormatTest, CtfOperatorsMatchOcio) {
    writeCtfOperators(dir.file("operators.ctf"));
    // OCIO runs the inverse 1D LUT as a forward LUT over every half value (65536 entries in rows).
    expectMatchesOcio(dir.file("operators.ctf"), "1D 4096x17", kArithmeticTolerance, Measure::Scaled);
}

// A half-domain 1D LUT (CLF/CTF halfDomain="true": 65536 entries, one per half-float bit pattern),
// written here with a different value for every pattern, so a lookup one entry off shows. At the
// special patterns (+0 and -0, the smallest and largest denormals, the smallest normal, the largest
// finite half, and what Tinct makes of +-Inf and NaN before any step: +-65504 and 0) Tinct must
// return OCIO's CPU result exactly but for float rounding: the lookups land on texel centres.
TEST_F(LutFormatTest, HalfDomainLutIsRightAtTheSpecialHalfValues) {
    const float inf = std::numeric_limits<float>::infinity(), nan = std::numeric_limits<float>::quiet_NaN();
    const float specials[] = {0.0f, -0.0f, std::ldexp(1.0f, -24), -std::ldexp(1.0f, -24), 1023 * std::ldexp(1.0f, -24),
                              std::ldexp(1.0f, -14), 0.5f, 1.0f, -1.0f, 65504.0f, -65504.0f, inf, -inf, nan};
    for (int channels : {1, 3}) {
        const std::string path = dir.file("half" + std::to_string(channels) + ".ctf");
        {
            std::ofstream f(path);
            f << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ProcessList id=\"half\" compCLFversion=\"3\">\n"
              << "<LUT1D inBitDepth=\"16f\" outBitDepth=\"32f\" halfDomain=\"true\">\n<Array dim=\"65536 " << channels << "\">\n";
            for (int i = 0; i < 65536; ++i) {
                for (int c = 0; c < channels; ++c) f << (c ? " " : "") << 0.001 + i * 1e-5 + c * 0.25;
                f << "\n";
            }
            f << "</Array>\n</LUT1D>\n</ProcessList>\n";
        }
        std::vector<float> pixels, sanitizedPixels;
        for (float v : specials) {
            pixels.insert(pixels.end(), {v, v, v, 1.0f});
            const float s = sanitized(v);
            sanitizedPixels.insert(sanitizedPixels.end(), {s, s, s, 1.0f});
        }
        const auto step = loadLut(path, LutInterpolation::Tetrahedral);
        const auto gpuOut = runOnGpu({step}, pixels);
        auto oracle = OCIO::FileTransform::Create();
        oracle->setSrc(path.c_str());
        oracle->setInterpolation(OCIO::INTERP_BEST);
        const auto ref = ocioReference(oracle, sanitizedPixels);
        for (size_t i = 0; i < std::size(specials); ++i)
            for (int c = 0; c < 3; ++c)
                EXPECT_NEAR(gpuOut[i * 4 + size_t(c)], ref[i * 4 + size_t(c)], 1e-6)
                    << channels << " channel(s), input " << specials[i] << " (bits " << std::hex
                    << std::bit_cast<uint32_t>(specials[i]) << std::dec << "), channel " << c;
        // One entry apart is 1e-5: the lookups above would be caught.
        EXPECT_NE(ref[0], ref[4]) << "+0 and -0 have entries of their own";
    }
}

TEST_F(LutFormatTest, GarbageFilesGetErrorsNamingThem) {
    for (const char* name : {"garbage.spi3d", "garbage.clf", "garbage.vf", "garbage.mga", "garbage.3dl", "garbage.cube",
                             "garbage.notalut"}) {
        std::ofstream(dir.file(name)) << "this is not a LUT\n1 2\n<xml\n\x01\x02\x03 nan\n";
        expectErrorNaming(dir.file(name));
    }
}

TEST_F(LutFormatTest, TruncatedFilesGetErrorsNamingThem) {
    const std::vector<std::pair<std::string, std::function<void(const std::string&)>>> files = {
        {"look.spi3d", writeSpi3d},
        {"look.mga", writePandora},
        {"look.vf", writeNukeVf},
        {"look.clf", [](const std::string& p) { bakeLut(p, "Academy/ASC Common LUT Format"); }},
        {"look.3dl", [](const std::string& p) { bakeLut(p, "flame"); }},
        {"look.csp", [](const std::string& p) { bakeLut(p, "cinespace"); }},
    };
    for (const auto& [name, write] : files) {
        const std::string path = dir.file(name);
        write(path);
        // Cut the file in the middle of a line, as an interrupted copy would.
        std::filesystem::resize_file(path, std::filesystem::file_size(path) * 3 / 5 + 3);
        expectErrorNaming(path);
    }
}
