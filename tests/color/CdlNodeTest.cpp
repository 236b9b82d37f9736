// The CDL step on the GPU against OpenColorIO's CDLTransform on the CPU.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

#include "engine/Error.h"
#include "engine/nodes/CdlNode.h"
#include "tests/support/GpuFixture.h"
#include "tests/support/OcioOracle.h"
#include "tests/support/TempDir.h"
#include "tests/support/TestPixels.h"

namespace OCIO = OCIO_NAMESPACE;
using namespace tinct;
using namespace tinct::test;

namespace {

// GLSL pow/exp2/log2 are specified to a few ULP; with powers near 1.3 and values up to 65504 the
// relative error stays below 1e-5 (the scaled error is relative above 1, absolute below).
constexpr double kCdlTolerance = 2e-5;

CdlValues sampleValues() {
    CdlValues v;
    v.slope = {1.2, 0.9, 1.05};
    v.offset = {0.03, -0.02, 0.01};
    v.power = {1.3, 0.8, 1.0};
    v.saturation = 1.25;
    return v;
}

OCIO::ConstTransformRcPtr ocioCdl(const CdlValues& v, CdlStyle style) {
    auto t = OCIO::CDLTransform::Create();
    t->setSlope(v.slope.data());
    t->setOffset(v.offset.data());
    t->setPower(v.power.data());
    t->setSat(v.saturation);
    t->setStyle(style == CdlStyle::Asc ? OCIO::CDL_ASC : OCIO::CDL_NO_CLAMP);
    return t;
}

class CdlNodeTest : public GpuFixture {};

}  // namespace

TEST_F(CdlNodeTest, NoClampStyleMatchesOcio) {
    const auto pixels = colourProbePixels();
    const auto v = sampleValues();
    const auto gpu = runOnGpu({std::make_shared<CdlNode>(v, CdlStyle::NoClamp)}, pixels);
    const auto ref = ocioReference(ocioCdl(v, CdlStyle::NoClamp), pixels);
    const auto err = maxScaledError(gpu, ref);
    EXPECT_LE(err.error, kCdlTolerance) << "pixel " << err.pixel;
}

TEST_F(CdlNodeTest, AscStyleClampsLikeOcio) {
    const auto pixels = colourProbePixels();
    const auto v = sampleValues();
    const auto gpu = runOnGpu({std::make_shared<CdlNode>(v, CdlStyle::Asc)}, pixels);
    const auto ref = ocioReference(ocioCdl(v, CdlStyle::Asc), pixels);
    const auto err = maxScaledError(gpu, ref);
    EXPECT_LE(err.error, kCdlTolerance) << "pixel " << err.pixel;
    for (size_t i = 0; i < gpu.size(); ++i)
        if (i % 4 != 3) {
            ASSERT_TRUE(gpu[i] >= 0.0f && gpu[i] <= 1.0f) << "value " << gpu[i] << " at " << i;
        }
}

TEST_F(CdlNodeTest, AlphaPassesThroughAndNothingNonFiniteSurvives) {
    const auto pixels = colourProbePixels();
    const auto gpu = runOnGpu({std::make_shared<CdlNode>(sampleValues(), CdlStyle::NoClamp)}, pixels);
    for (size_t i = 0; i < gpu.size(); ++i) {
        ASSERT_TRUE(std::isfinite(gpu[i])) << "index " << i;
        if (i % 4 == 3) {
            ASSERT_EQ(gpu[i], sanitized(pixels[i])) << "alpha at pixel " << i / 4;
        }
    }
}

TEST(CdlFiles, ReadsCollectionsByIdAndIndex) {
    TempDir dir;
    const std::string path = dir.file("grade.ccc");
    std::ofstream(path) << R"(<ColorCorrectionCollection xmlns="urn:ASC:CDL:v1.2">
  <ColorCorrection id="sh010"><SOPNode><Slope>1.1 1 0.9</Slope><Offset>0 0.01 0</Offset><Power>1 1 1.2</Power></SOPNode>
    <SatNode><Saturation>0.8</Saturation></SatNode></ColorCorrection>
  <ColorCorrection id="sh020"><SOPNode><Slope>2 2 2</Slope><Offset>0 0 0</Offset><Power>1 1 1</Power></SOPNode></ColorCorrection>
</ColorCorrectionCollection>)";
    EXPECT_EQ(loadCdl(path).id, "sh010");  // first entry by default
    EXPECT_DOUBLE_EQ(loadCdl(path).saturation, 0.8);
    EXPECT_DOUBLE_EQ(loadCdl(path, "sh020").slope[0], 2.0);
    EXPECT_EQ(loadCdl(path, "1").id, "sh020");
    try {
        loadCdl(path, "sh999");
        FAIL() << "unknown id accepted";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("grade.ccc"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("sh999"), std::string::npos) << e.what();
    }
}

TEST(CdlFiles, MalformedAndMissingFilesNameTheFile) {
    TempDir dir;
    const std::string bad = dir.file("bad.cc");
    std::ofstream(bad) << "<ColorCorrection id=\"a\"><SOPNode><Slope>1 1</Slope></SOPNode></ColorCorrection>";
    const std::string truncated = dir.file("truncated.cc");
    std::ofstream(truncated) << "<ColorCorrection id=\"a\"><SOPNode><Slope>1 1 1";
    for (const std::string& path : {bad, truncated, dir.file("missing.cc")}) {
        try {
            loadCdl(path);
            FAIL() << path << " accepted";
        } catch (const Error& e) {
            EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << e.what();
        }
    }
}
