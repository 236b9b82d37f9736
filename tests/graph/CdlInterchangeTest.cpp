// ASC CDL in and out of a grade: what comes back is what went in, as OpenColorIO reads it.
#include <gtest/gtest.h>

#include <fstream>

#include "engine/Error.h"
#include "engine/graph/CdlInterchange.h"
#include "engine/nodes/CdlNode.h"
#include "tests/support/TempDir.h"

using namespace tinct;
using namespace tinct::test;

TEST(CdlInterchange, ImportedCorrectionsExportBackToTheSameValues) {
    TempDir dir;
    std::ofstream(dir.file("in.ccc")) << R"(<ColorCorrectionCollection xmlns="urn:ASC:CDL:v1.2">
  <ColorCorrection id="sh010"><SOPNode><Slope>1.1 1 0.9</Slope><Offset>0.01 0 -0.02</Offset><Power>1.05 1 0.95</Power></SOPNode>
    <SatNode><Saturation>0.85</Saturation></SatNode></ColorCorrection>
  <ColorCorrection id="sh020"><SOPNode><Slope>2 2 2</Slope><Offset>0 0 0</Offset><Power>1 1 1</Power></SOPNode></ColorCorrection>
</ColorCorrectionCollection>)";
    GradeEditor editor;
    editor.addNode("primaries");
    const std::string node = importCdl(editor, dir.file("in.ccc"), "sh010");
    EXPECT_EQ(editor.grade().order().back()->id, node);
    EXPECT_EQ(editor.grade().find(node)->label, "sh010");
    EXPECT_EQ(editor.undoLabel(), "import in.ccc");  // one undoable step

    for (const char* name : {"out.cc", "out.ccc", "out.cdl"}) {
        exportCdl(editor.grade(), node, dir.file(name));
        const CdlValues back = loadCdl(dir.file(name));  // read by OpenColorIO
        EXPECT_EQ(back.id, "sh010") << name;
        EXPECT_DOUBLE_EQ(back.slope[0], 1.1) << name;
        EXPECT_DOUBLE_EQ(back.offset[2], -0.02) << name;
        EXPECT_DOUBLE_EQ(back.power[0], 1.05) << name;
        EXPECT_DOUBLE_EQ(back.saturation, 0.85) << name;
    }
    EXPECT_THROW(exportCdl(editor.grade(), editor.grade().order().front()->id, dir.file("x.cc")), Error);  // not a cdl node
    EXPECT_THROW(exportCdl(editor.grade(), node, dir.file("x.xml")), Error);
    EXPECT_THROW(importCdl(editor, dir.file("in.ccc"), "sh999"), Error);
}
