// tinct grade new|show|validate: for people who write grade files by hand.
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "app/Commands.h"
#include "engine/Error.h"
#include "engine/graph/GradeCompiler.h"
#include "engine/kernel/StagePlan.h"
#include "engine/graph/GradeEditor.h"
#include "engine/nodes/NodeTypes.h"

namespace tinct {

namespace {

std::string typeName(ParamType t) {
    switch (t) {
        case ParamType::Number: return "number";
        case ParamType::Rgbm: return "[r, g, b, master]";
        case ParamType::Rgb: return "[r, g, b]";
        case ParamType::Flag: return "true|false";
        case ParamType::Choice: return "choice";
        case ParamType::File: return "file";
        case ParamType::Points: return "[[x, y], ...]";
        case ParamType::Polygon: return "[[x, y], ...] vertices";
        case ParamType::Frames: return "frames (\"1012, 1040-1042\")";
    }
    return "";
}

void create(const std::string& path, const std::string& nodeList, bool force) {
    if (std::filesystem::exists(path) && !force) throw Error(path + " exists; use --force to replace it");
    GradeEditor editor;
    size_t at = 0;
    while (at < nodeList.size()) {
        const size_t end = std::min(nodeList.find(',', at), nodeList.size());
        editor.addNode(nodeList.substr(at, end - at));
        at = end + 1;
    }
    saveGrade(path, editor.grade());
    std::printf("wrote %s: %zu node(s), every parameter at its default\n", path.c_str(), editor.grade().nodes.size());
}

void show(const std::string& path) {
    const Grade grade = loadGrade(path);
    std::printf("%s: %zu node(s); from the source to the output:\n", path.c_str(), grade.nodes.size());
    for (const GradeNode* n : grade.order()) {
        const NodeType* type = findNodeType(n->type);
        std::string from;
        for (const auto& input : n->inputs) from += (from.empty() ? "" : ", ") + input;
        std::printf("  %s  %s%s  <- %s%s%s%s\n", n->id.c_str(), n->type.c_str(),
                    n->label.empty() ? "" : (" \"" + n->label + "\"").c_str(), from.empty() ? "(no input)" : from.c_str(),
                    n->matte.empty() ? "" : ("  matte " + n->matte).c_str(), n->bypass ? "  [bypassed]" : "",
                    n->opacity < 1 ? ("  opacity " + std::to_string(n->opacity)).c_str() : "");
        for (const auto& d : type->params)
            std::printf("      %-12s %-28s %s\n", d.name.c_str(), paramToJson(d, n->params.get(d.name)).dump().c_str(),
                        (typeName(d.type) + (d.doc.empty() ? "" : "  " + d.doc)).c_str());
    }
}

void validate(const std::string& path) {
    const Grade grade = loadGrade(path);
    const auto steps = compileGrade(grade, std::filesystem::path(path).parent_path().string());  // loads LUTs too
    const StagePlan plan = planStages(PixelProgram::serial(steps));
    std::printf("%s: valid, %zu node(s), %zu used by the output, run as %zu GPU kernel(s)\n%s", path.c_str(),
                grade.nodes.size(), grade.order().size(), plan.order.size(), plan.describe().c_str());
}

}  // namespace

void addGradeCommand(CLI::App& app, CommandContext&) {
    CLI::App* grade = app.add_subcommand("grade", "Create, show or check grade files");
    grade->require_subcommand(1);

    auto newPath = std::make_shared<std::string>();
    auto nodes = std::make_shared<std::string>("primaries");
    auto force = std::make_shared<bool>(false);
    CLI::App* make = grade->add_subcommand("new", "Write a grade file with a chain of nodes at their defaults");
    make->add_option("file", *newPath, "grade file to write")->required();
    std::string types;
    for (const auto& t : nodeTypes()) types += (types.empty() ? "" : ", ") + t.name;
    make->add_option("--nodes", *nodes, "comma-separated node types, source first (" + types + ")");
    make->add_flag("--force", *force, "replace an existing file");
    make->callback([newPath, nodes, force] { create(*newPath, *nodes, *force); });

    auto showPath = std::make_shared<std::string>();
    CLI::App* print = grade->add_subcommand("show", "Print a grade's chain with every parameter");
    print->add_option("file", *showPath, "grade file")->required();
    print->callback([showPath] { show(*showPath); });

    auto checkPath = std::make_shared<std::string>();
    CLI::App* check = grade->add_subcommand("validate", "Check a grade file: fields, ranges, graph, and that its LUTs load");
    check->add_option("file", *checkPath, "grade file")->required();
    check->callback([checkPath] { validate(*checkPath); });
}

}  // namespace tinct
