// Which QuickTime/codec colour tags an output colour space or display gets: the names of the shipped
// config against the tags ITU-R BT.709, BT.2100 (PQ, HLG), IEC 61966-2-1 and SMPTE EG 432 define.
#include <gtest/gtest.h>

#include "engine/Error.h"
#include "engine/media/EncodeOptions.h"

using tinct::tagsForColorSpace;

namespace {

void expectTags(const std::string& name, AVColorPrimaries p, AVColorTransferCharacteristic t, AVColorSpace m) {
    const tinct::ColorTags tags = tagsForColorSpace(name);
    EXPECT_EQ(tags.primaries, p) << name;
    EXPECT_EQ(tags.transfer, t) << name;
    EXPECT_EQ(tags.matrix, m) << name;
}

TEST(ColorTags, FromTheShippedConfigsNames) {
    expectTags("Rec.1886 Rec.709 - Display", AVCOL_PRI_BT709, AVCOL_TRC_BT709, AVCOL_SPC_BT709);
    expectTags("Rec.1886 Rec.709", AVCOL_PRI_BT709, AVCOL_TRC_BT709, AVCOL_SPC_BT709);  // the display
    expectTags("sRGB - Display", AVCOL_PRI_BT709, AVCOL_TRC_IEC61966_2_1, AVCOL_SPC_BT709);
    expectTags("Linear Rec.709 (sRGB)", AVCOL_PRI_BT709, AVCOL_TRC_LINEAR, AVCOL_SPC_BT709);
    expectTags("Rec.2100-PQ - Display", AVCOL_PRI_BT2020, AVCOL_TRC_SMPTE2084, AVCOL_SPC_BT2020_NCL);
    expectTags("Rec.2100-HLG - Display", AVCOL_PRI_BT2020, AVCOL_TRC_ARIB_STD_B67, AVCOL_SPC_BT2020_NCL);
    expectTags("ST2084-P3-D65 - Display", AVCOL_PRI_SMPTE432, AVCOL_TRC_SMPTE2084, AVCOL_SPC_BT709);
    expectTags("Linear Rec.2020", AVCOL_PRI_BT2020, AVCOL_TRC_LINEAR, AVCOL_SPC_BT2020_NCL);
    // Scene-linear and log camera spaces have no video tags: they stay unspecified.
    expectTags("ACEScg", AVCOL_PRI_UNSPECIFIED, AVCOL_TRC_UNSPECIFIED, AVCOL_SPC_UNSPECIFIED);
    expectTags("ARRI LogC3 (EI800) - AWG", AVCOL_PRI_UNSPECIFIED, AVCOL_TRC_UNSPECIFIED, AVCOL_SPC_UNSPECIFIED);
}

TEST(ColorTags, FlagsOverrideAndBadNamesAreRefused) {
    tinct::EncodeRequest r;
    r.tagTransfer = "smpte2084";
    r.tagRange = "pc";
    const tinct::ColorTags t = tinct::applyTagFlags(tagsForColorSpace("Rec.1886 Rec.709 - Display"), r);
    EXPECT_EQ(t.transfer, AVCOL_TRC_SMPTE2084);
    EXPECT_EQ(t.primaries, AVCOL_PRI_BT709);
    EXPECT_EQ(t.range, AVCOL_RANGE_JPEG);
    r.tagPrimaries = "bt7o9";
    EXPECT_THROW(tinct::applyTagFlags({}, r), tinct::Error);
}

}  // namespace
