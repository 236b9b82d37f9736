// Edits as commands: every edit undoes to exactly the grade before it and redoes to the one after.
#include <gtest/gtest.h>

#include "engine/Error.h"
#include "engine/graph/GradeEditor.h"

using namespace tinct;

TEST(GradeEditor, EditsUndoAndRedoExactly) {
    GradeEditor editor;
    std::vector<Grade> history = {editor.grade()};
    const std::string a = editor.addNode("primaries");
    history.push_back(editor.grade());
    const std::string b = editor.addNode("cdl");
    history.push_back(editor.grade());
    const std::string c = editor.addNode("clamp", a);  // between a and b
    history.push_back(editor.grade());
    editor.setParam(b, "saturation", 1.3);
    history.push_back(editor.grade());
    editor.setBypass(a, true);
    history.push_back(editor.grade());
    editor.setOpacity(c, 0.25);
    history.push_back(editor.grade());
    editor.removeNode(c);
    history.push_back(editor.grade());

    // The chain is what the edits describe.
    std::vector<std::string> ids;
    for (const auto* n : editor.grade().order()) ids.push_back(n->id);
    EXPECT_EQ(ids, (std::vector<std::string>{a, b}));
    EXPECT_EQ(editor.grade().find(b)->params.number("saturation"), 1.3);
    EXPECT_EQ(editor.undoLabel(), "remove clamp");

    for (size_t i = history.size() - 1; i > 0; --i) {
        editor.undo();
        ASSERT_EQ(editor.grade(), history[i - 1]) << "undo to step " << i - 1;
    }
    EXPECT_FALSE(editor.canUndo());
    for (size_t i = 1; i < history.size(); ++i) {
        editor.redo();
        ASSERT_EQ(editor.grade(), history[i]) << "redo to step " << i;
    }
    EXPECT_FALSE(editor.canRedo());
}

TEST(GradeEditor, RefusedEditsChangeNothing) {
    GradeEditor editor;
    const std::string a = editor.addNode("cdl");
    const Grade before = editor.grade();
    EXPECT_THROW(editor.setParam(a, "saturation", 1000.0), Error);  // out of range
    EXPECT_THROW(editor.setParam(a, "style", std::string("loud")), Error);
    EXPECT_THROW(editor.setParam(a, "nope", 1.0), Error);
    EXPECT_THROW(editor.setParam("ghost", "saturation", 1.0), Error);
    EXPECT_THROW(editor.addNode("glow"), Error);
    EXPECT_THROW(editor.setOpacity(a, 1.5), Error);
    EXPECT_EQ(editor.grade(), before);
    EXPECT_EQ(editor.undoLabel(), "add cdl");

    editor.undo();
    EXPECT_THROW(editor.setBypass(a, true), Error);  // the node is gone again
    editor.redo();
    EXPECT_EQ(editor.grade(), before);
}

TEST(GradeEditor, BranchesMattesAndConnectionsBuildTheGraphTheyName) {
    GradeEditor editor;
    const std::string a = editor.addNode("primaries");
    const std::string b = editor.addParallel(a, "cdl");     // a and b joined by a parallel mixer
    const Grade& g = editor.grade();
    ASSERT_EQ(g.outputNode()->type, "parallel_mixer");
    EXPECT_EQ(g.outputNode()->inputs, (std::vector<std::string>{a, b}));
    EXPECT_EQ(g.find(b)->inputs, (std::vector<std::string>{kSourceInput}));  // the same input as a
    const std::string c = editor.addParallel(b, "clamp");   // beside b: a third input of the same mixer
    EXPECT_EQ(editor.grade().outputNode()->inputs, (std::vector<std::string>{a, b, c}));

    const std::string after = editor.addNode("soft_clip");  // after the mixer, now the output
    EXPECT_EQ(editor.grade().outputNode()->id, after);
    const std::string top = editor.addLayer(after, "cdl");
    EXPECT_EQ(editor.grade().outputNode()->type, "layer_mixer");
    EXPECT_EQ(editor.grade().outputNode()->inputs, (std::vector<std::string>{after, top}));

    const std::string q = editor.addMatte(top, "qualifier");
    EXPECT_EQ(editor.grade().find(top)->matte, q);
    EXPECT_EQ(editor.grade().find(q)->inputs, editor.grade().find(top)->inputs);  // keys what `top` sees
    const std::string w = editor.addMatte(top, "window");  // combined with the qualifier
    EXPECT_EQ(editor.grade().find(top)->matte, w);
    EXPECT_EQ(editor.grade().find(w)->matte, q);
    EXPECT_TRUE(editor.grade().find(w)->inputs.empty());
    EXPECT_EQ(editor.grade().outputNode()->type, "layer_mixer");  // mattes do not become the output

    editor.removeNode(w);  // `top` takes the matte w combined with
    EXPECT_EQ(editor.grade().find(top)->matte, q);
    EXPECT_THROW(editor.setMatte(top, a), Error);         // a primaries node makes no matte
    EXPECT_THROW(editor.connect(a, 0, after), Error);     // a cycle
    EXPECT_THROW(editor.disconnect(a, 5), Error);          // a has one input
    editor.setBypassAll(true);
    for (const auto& n : editor.grade().nodes) EXPECT_TRUE(n.bypass);
    editor.undo();
    EXPECT_FALSE(editor.grade().find(a)->bypass);

    // The result saves and loads back equal.
    const Grade reread = gradeFromJson(gradeToJson(editor.grade()), "test");
    EXPECT_EQ(reread, editor.grade());
}

TEST(GradeEditor, SeveralParametersInOneEditAndOneDrag) {
    GradeEditor editor;
    const std::string w = editor.addNode("cdl");
    const std::string m = editor.addMatte(w, "window");
    NodeParams p = editor.grade().find(m)->params;
    editor.setParams(m, p, "move window", true);  // nothing changed yet: no undo step
    editor.undo();                                  // takes back the matte, not an empty edit
    EXPECT_EQ(editor.grade().find(m), nullptr);
    editor.redo();
    for (double x : {0.3, 0.2, 0.1}) {  // one drag moving centre x and y together
        p.set("center_x", x);
        p.set("center_y", 1 - x);
        editor.setParams(m, p, "move window", true);
    }
    EXPECT_EQ(editor.grade().find(m)->params.number("center_y"), 0.9);
    editor.undo();
    EXPECT_EQ(editor.grade().find(m)->params.number("center_x"), 0.5);
    EXPECT_EQ(editor.grade().find(m)->params.number("center_y"), 0.5);
    p.set("size", -1.0);  // checked like a grade file: out of range
    EXPECT_THROW(editor.setParams(m, p, "size window"), Error);
    EXPECT_EQ(editor.grade().find(m)->params.number("size"), 0.5);
}

TEST(GradeEditor, ADragIsOneUndoStep) {
    GradeEditor editor;
    const std::string a = editor.addNode("cdl");
    for (double s : {1.1, 1.2, 1.3}) editor.setParam(a, "saturation", s, true);  // one drag
    editor.endGesture();
    for (double s : {0.9, 0.8}) editor.setParam(a, "saturation", s, true);       // a second drag
    editor.setParam(a, "saturation", 0.7);                                        // a typed value
    EXPECT_EQ(editor.grade().find(a)->params.number("saturation"), 0.7);
    editor.undo();
    EXPECT_EQ(editor.grade().find(a)->params.number("saturation"), 0.8);
    editor.undo();
    EXPECT_EQ(editor.grade().find(a)->params.number("saturation"), 1.3);
    editor.undo();
    EXPECT_EQ(editor.grade().find(a)->params.number("saturation"), 1.0);
    editor.redo();
    EXPECT_EQ(editor.grade().find(a)->params.number("saturation"), 1.3);
}
