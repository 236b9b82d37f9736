// File LUTs on the GPU against OpenColorIO's FileTransform on the CPU, with the same interpolation.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

#include "engine/Error.h"
#include "engine/color/LutFile.h"
#include "engine/nodes/CdlNode.h"
#include "tests/support/CubeFiles.h"
#include "tests/support/GpuFixture.h"
#include "tests/support/OcioOracle.h"
#include "tests/support/TempDir.h"
#include "tests/support/TestPixels.h"

namespace OCIO = OCIO_NAMESPACE;
using namespace tinct;
using namespace tinct::test;

namespace {

// Tetrahedral: the GPU does the same float arithmetic on texel-centre samples, so only rounding
// order differs (LUT values are within [-0.1, 1.1]).
constexpr double kTetrahedralTolerance = 1e-5;
// Trilinear and 1D LUTs: interpolated in float from a storage buffer (engine/color/LutSampling),
// not by the texture unit, so the same bound as tetrahedral holds on every device.
constexpr double kLinearTolerance = 1e-5;

OCIO::ConstTransformRcPtr fileTransform(const std::string& path, OCIO::Interpolation interpolation) {
    auto t = OCIO::FileTransform::Create();
    t->setSrc(path.c_str());
    t->setInterpolation(interpolation);
    return t;
}

class LutStepTest : public GpuFixture {
protected:
    TempDir dir;
    // `oracleInterp` is what the file's LUT type means by the choice: linear for 1D LUTs.
    void expectMatchesOcio(const std::string& path, LutInterpolation interp, double tolerance,
                           OCIO::Interpolation oracleInterp = OCIO::INTERP_UNKNOWN) {
        if (oracleInterp == OCIO::INTERP_UNKNOWN)
            oracleInterp = interp == LutInterpolation::Tetrahedral ? OCIO::INTERP_TETRAHEDRAL : OCIO::INTERP_LINEAR;
        const auto pixels = colourProbePixels();
        const auto gpu = runOnGpu({loadLut(path, interp)}, pixels);
        const auto ref = ocioReference(fileTransform(path, oracleInterp), pixels);
        const auto err = maxRgbError(gpu, ref);
        EXPECT_LE(err.error, tolerance) << path << " pixel " << err.pixel << ": gpu " << gpu[err.pixel * 4] << ","
                                        << gpu[err.pixel * 4 + 1] << "," << gpu[err.pixel * 4 + 2] << " ocio "
                                        << ref[err.pixel * 4] << "," << ref[err.pixel * 4 + 1] << ","
                                        << ref[err.pixel * 4 + 2];
        for (size_t i = 3; i < gpu.size(); i += 4) ASSERT_EQ(gpu[i], sanitized(pixels[i])) << "alpha, pixel " << i / 4;
    }
};

}  // namespace

TEST_F(LutStepTest, Cube3dTetrahedralMatchesOcio) {
    writeCube3d(dir.file("look.cube"), 33);
    expectMatchesOcio(dir.file("look.cube"), LutInterpolation::Tetrahedral, kTetrahedralTolerance);
}

TEST_F(LutStepTest, Cube3dTrilinearMatchesOcio) {
    writeCube3d(dir.file("look.cube"), 17);
    expectMatchesOcio(dir.file("look.cube"), LutInterpolation::Trilinear, kLinearTolerance);
}

TEST_F(LutStepTest, Cube3dWithDomainMinMaxMatchesOcio) {
    writeCube3d(dir.file("domain.cube"), 17, "DOMAIN_MIN -0.125 0 0\nDOMAIN_MAX 4 2 1.5\n");
    expectMatchesOcio(dir.file("domain.cube"), LutInterpolation::Tetrahedral, kTetrahedralTolerance);
}

TEST_F(LutStepTest, ResolveInputRangeMatchesOcio) {
    writeCube3d(dir.file("range.cube"), 17, "LUT_3D_INPUT_RANGE 0 2\n");
    expectMatchesOcio(dir.file("range.cube"), LutInterpolation::Tetrahedral, kTetrahedralTolerance);
}

TEST_F(LutStepTest, Cube1dMatchesOcio) {
    writeCube1d(dir.file("curve.cube"), 1024);
    expectMatchesOcio(dir.file("curve.cube"), LutInterpolation::Tetrahedral, kLinearTolerance,
                      OCIO::INTERP_LINEAR);
}

TEST_F(LutStepTest, Cube1dWithInputRangeMatchesOcio) {
    writeCube1d(dir.file("curve.cube"), 64, "LUT_1D_INPUT_RANGE -0.5 3\n");
    expectMatchesOcio(dir.file("curve.cube"), LutInterpolation::Trilinear, kLinearTolerance);
}

TEST_F(LutStepTest, ChainOfCdlLutCdlInOneKernelMatchesOcioGroup) {
    writeCube3d(dir.file("look.cube"), 33);
    CdlValues first;
    first.slope = {1.1, 1.0, 0.9};
    first.offset = {0.01, 0.0, -0.01};
    first.saturation = 1.2;
    CdlValues last;
    last.power = {1.2, 1.1, 1.0};
    last.saturation = 0.9;
    const PointSteps steps = {std::make_shared<CdlNode>(first, CdlStyle::NoClamp),
                              loadLut(dir.file("look.cube"), LutInterpolation::Tetrahedral),
                              std::make_shared<CdlNode>(last, CdlStyle::NoClamp)};

    auto group = OCIO::GroupTransform::Create();
    for (const CdlValues* v : {&first, &last}) {
        auto cdl = OCIO::CDLTransform::Create();
        cdl->setSlope(v->slope.data());
        cdl->setOffset(v->offset.data());
        cdl->setPower(v->power.data());
        cdl->setSat(v->saturation);
        cdl->setStyle(OCIO::CDL_NO_CLAMP);
        group->appendTransform(cdl);
        if (v == &first) group->appendTransform(fileTransform(dir.file("look.cube"), OCIO::INTERP_TETRAHEDRAL)->createEditableCopy());
    }
    const auto pixels = colourProbePixels();
    const auto err = maxScaledError(runOnGpu(steps, pixels), ocioReference(group, pixels));
    EXPECT_LE(err.error, 2e-5) << "pixel " << err.pixel;  // sum of the CDL and tetrahedral bounds
}

TEST_F(LutStepTest, BadCubeFilesGetClearErrors) {
    struct Case {
        std::string name, text, expect;
    };
    const std::vector<Case> cases = {
        {"short.cube", "LUT_3D_SIZE 2\n0 0 0\n1 0 0\n0 1 0\n1 1 0\n0 0 1\n1 0 1\n0 1 1\n", "Found 7, expected 8"},
        {"nan.cube", "LUT_3D_SIZE 2\n0 0 0\n1 0 0\n0 1 0\n1 1 0\n0 0 1\n1 0 1\n0 1 1\nnan 1 1\n", "not a finite number"},
        {"size.cube", "LUT_3D_SIZE abc\n0 0 0\n", "LUT_3D_SIZE"},
        {"empty.cube", "", "short.cube"},
    };
    for (const auto& c : cases) {
        std::ofstream(dir.file(c.name)) << c.text;
        try {
            loadLut(dir.file(c.name), LutInterpolation::Tetrahedral);
            FAIL() << c.name << " accepted";
        } catch (const Error& e) {
            const std::string message = e.what();
            EXPECT_NE(message.find(dir.file(c.name)), std::string::npos) << message;
            if (c.name != "empty.cube") {
                EXPECT_NE(message.find(c.expect), std::string::npos) << message;
            }
        }
    }
    EXPECT_THROW(loadLut(dir.file("missing.cube"), LutInterpolation::Tetrahedral), Error);
}
