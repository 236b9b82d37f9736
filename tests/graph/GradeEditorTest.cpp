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
