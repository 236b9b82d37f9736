// The station's repair overlay is a view of the grade: the repairing nodes that show their repaired
// frame show their repairs instead (the selected one alone when it repairs), nothing else changes.
#include <gtest/gtest.h>

#include "engine/graph/Grade.h"
#include "engine/graph/RepairOverlay.h"

namespace tinct {
namespace {

Grade cleaning() {
    Grade g;
    g.nodes = {makeNode("cdl", "look"), makeNode("dust", "dust"), makeNode("dead_pixels", "pixels"), makeNode("scratch", "lines")};
    g.nodes[3].params.set("view", std::string("matte"));
    return g;
}

TEST(RepairOverlay, EveryRepairingNodeShowsItsRepairsUnlessOneIsSelected) {
    int shown = -1;
    const Grade all = withRepairOverlay(cleaning(), "look", &shown);
    EXPECT_EQ(shown, 3);
    EXPECT_EQ(all.nodes[1].params.text("view"), "overlay");
    EXPECT_EQ(all.nodes[2].params.text("view"), "overlay");
    EXPECT_EQ(all.nodes[3].params.text("view"), "matte");  // already shows what it repaired
    EXPECT_EQ(all.nodes[0], cleaning().nodes[0]);

    const Grade one = withRepairOverlay(cleaning(), "pixels", &shown);
    EXPECT_EQ(shown, 1);
    EXPECT_EQ(one.nodes[1].params.text("view"), "repaired");
    EXPECT_EQ(one.nodes[2].params.text("view"), "overlay");
}

TEST(RepairOverlay, AGradeWithoutRepairsIsLeftAsItIs) {
    Grade g;
    g.nodes = {makeNode("cdl", "look")};
    g.nodes.push_back(makeNode("dust", "off"));
    g.nodes[1].bypass = true;  // a bypassed node repairs nothing
    int shown = -1;
    EXPECT_EQ(withRepairOverlay(g, "", &shown), g);
    EXPECT_EQ(shown, 0);
}

}  // namespace
}  // namespace tinct
