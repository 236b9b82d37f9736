// Edits as commands: every edit undoes to exactly the grade before it and redoes to the one after.
#include <gtest/gtest.h>

#include <map>

#include "engine/Error.h"
#include "engine/graph/GradeCompiler.h"
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

namespace {

// The inputs of every node, by id: the structure a move changes (the listing order it does not).
std::map<std::string, std::vector<std::string>> inputsById(const Grade& g) {
    std::map<std::string, std::vector<std::string>> inputs;
    for (const auto& n : g.nodes) inputs[n.id] = n.inputs;
    return inputs;
}

std::vector<std::string> chainOf(const Grade& g) {
    std::vector<std::string> ids;
    for (const auto* n : g.order()) ids.push_back(n->id);
    return ids;
}

// source -> a -> b -> c -> d, each a cdl with its own slope, so any order is told apart.
GradeEditor chainOfFour(std::string& a, std::string& b, std::string& c, std::string& d) {
    GradeEditor e;
    a = e.addNode("cdl");
    b = e.addNode("cdl");
    c = e.addNode("cdl");
    d = e.addNode("cdl");
    double s = 1.1;
    for (const auto& id : {a, b, c, d}) e.setParam(id, "slope", std::array<double, 4>{s, 1.0, 2.0 - s, 0}), s += 0.1;
    return e;
}

// The same nodes written by hand in `order`, one after another.
Grade writtenInOrder(const Grade& from, const std::vector<std::string>& order) {
    Grade g;
    std::string previous = kSourceInput;
    for (const auto& id : order) {
        GradeNode n = *from.find(id);
        n.inputs = {previous};
        g.nodes.push_back(n);
        previous = id;
    }
    g.output = previous;
    return g;
}

// What the GPU would run: each step's description and parameters, in order.
std::vector<std::pair<std::string, std::vector<float>>> compiled(const Grade& g) {
    std::vector<std::pair<std::string, std::vector<float>>> steps;
    for (const auto& s : compileGrade(g, "")) steps.emplace_back(s->describe(), s->params());
    return steps;
}

}  // namespace

TEST(GradeEditor, MovingANodeReordersTheChainAndRendersAsWrittenInThatOrder) {
    std::string a, b, c, d;
    GradeEditor e = chainOfFour(a, b, c, d);
    const Grade start = e.grade();

    e.moveNode(a, c);  // forwards: b, c, a, d
    EXPECT_EQ(chainOf(e.grade()), (std::vector<std::string>{b, c, a, d}));
    EXPECT_EQ(inputsById(e.grade()), inputsById(writtenInOrder(start, {b, c, a, d})));
    EXPECT_EQ(compiled(e.grade()), compiled(writtenInOrder(start, {b, c, a, d})));
    EXPECT_NE(compiled(e.grade()), compiled(start));  // the order shows in what runs
    EXPECT_EQ(e.grade().outputNode()->id, d);
    EXPECT_EQ(e.undoLabel(), "move " + a + " after " + c);
    const Grade forwards = e.grade();

    e.moveNode(d, b);  // backwards, the output node: b, d, c, a; the output stays the chain's end
    EXPECT_EQ(chainOf(e.grade()), (std::vector<std::string>{b, d, c, a}));
    EXPECT_EQ(e.grade().outputNode()->id, a);
    EXPECT_EQ(compiled(e.grade()), compiled(writtenInOrder(start, {b, d, c, a})));
    const Grade backwards = e.grade();

    e.moveNode(c, kSourceInput);  // to the head: c, b, d, a
    EXPECT_EQ(chainOf(e.grade()), (std::vector<std::string>{c, b, d, a}));
    EXPECT_EQ(e.undoLabel(), "move " + c + " to the start");
    EXPECT_EQ(compiled(e.grade()), compiled(writtenInOrder(start, {c, b, d, a})));
    const Grade head = e.grade();

    e.moveNode(b, a);  // after the output node: b becomes the output
    EXPECT_EQ(chainOf(e.grade()), (std::vector<std::string>{c, d, a, b}));
    EXPECT_EQ(e.grade().outputNode()->id, b);

    // Each move is one undo step, and undoes and redoes exactly.
    e.undo();
    EXPECT_EQ(e.grade(), head);
    e.undo();
    EXPECT_EQ(e.grade(), backwards);
    e.undo();
    EXPECT_EQ(e.grade(), forwards);
    e.undo();
    EXPECT_EQ(e.grade(), start);
    e.redo();
    EXPECT_EQ(e.grade(), forwards);
    e.redo();
    EXPECT_EQ(e.grade(), backwards);

    // Dropped where it already is: no edit, no undo step.
    const std::string label = e.undoLabel();
    e.moveNode(d, b);
    EXPECT_EQ(e.grade(), backwards);
    EXPECT_EQ(e.undoLabel(), label);
    EXPECT_TRUE(e.canRedo());  // a move that changes nothing does not drop the redo history
}

TEST(GradeEditor, AMovedNodeKeepsItsMatteAndItsQualifierKeysWhatItNowSees) {
    std::string a, b, c, d;
    GradeEditor e = chainOfFour(a, b, c, d);
    const std::string q = e.addMatte(c, "qualifier");  // keys b's output, what c sees
    const std::string w = e.addMatte(a, "window");
    ASSERT_EQ(e.grade().find(q)->inputs, std::vector<std::string>{b});

    e.moveNode(c, kSourceInput);  // c, a, b, d
    EXPECT_EQ(chainOf(e.grade()).back(), d);
    EXPECT_EQ(e.grade().find(c)->matte, q);
    EXPECT_EQ(e.grade().find(q)->inputs, std::vector<std::string>{kSourceInput});  // what c sees now
    EXPECT_EQ(e.grade().find(a)->matte, w);
    EXPECT_EQ(e.grade().find(a)->inputs, std::vector<std::string>{c});
    EXPECT_EQ(e.grade().find(d)->inputs, std::vector<std::string>{b});

    e.moveNode(a, d);  // c, b, d, a: the window goes with a
    EXPECT_EQ(e.grade().find(a)->matte, w);
    EXPECT_EQ(e.grade().find(a)->inputs, std::vector<std::string>{d});
    EXPECT_EQ(e.grade().outputNode()->id, a);

    // A qualifier that limits another node too is not the moved node's alone: it keys what it keyed.
    e.setMatte(d, q);
    e.moveNode(c, b);  // b, c, d, a
    EXPECT_EQ(e.grade().find(c)->inputs, std::vector<std::string>{b});
    EXPECT_EQ(e.grade().find(d)->inputs, std::vector<std::string>{c});
    EXPECT_EQ(e.grade().find(q)->inputs, std::vector<std::string>{kSourceInput});
}

TEST(GradeEditor, MovesThatCannotBeAreRefusedAndChangeNothing) {
    std::string a, b, c, d;
    GradeEditor e = chainOfFour(a, b, c, d);
    const std::string p = e.addParallel(b, "cdl");  // b and p joined by a mixer
    const std::string mixer = e.grade().find(c)->inputs.front();
    const std::string w = e.addMatte(c, "window");
    const Grade before = e.grade();
    const std::string label = e.undoLabel();

    auto refusedWith = [&](const std::string& node, const std::string& after, const std::string& words) {
        try {
            e.moveNode(node, after);
            ADD_FAILURE() << "moving " << node << " after " << after << " was not refused";
        } catch (const Error& err) {
            EXPECT_NE(std::string(err.what()).find(words), std::string::npos) << err.what();
        }
        EXPECT_EQ(e.grade(), before);
        EXPECT_EQ(e.undoLabel(), label);
    };
    refusedWith(mixer, a, "joins 2 inputs");
    refusedWith(w, a, "makes a matte");
    refusedWith(a, w, "makes a matte, not a picture");
    refusedWith(a, a, "after itself");
    refusedWith("ghost", a, "no node 'ghost'");
    refusedWith(a, "ghost", "no node 'ghost'");

    // A node moved into a branch of the mixer is fine: after p, the mixer takes it instead of p.
    e.moveNode(d, p);
    EXPECT_EQ(e.grade().find(mixer)->inputs, (std::vector<std::string>{b, d}));
    EXPECT_EQ(e.grade().find(d)->inputs, std::vector<std::string>{p});
    EXPECT_EQ(e.grade().outputNode()->id, c);
}
