// tinct cdl import|export: ASC CDL interchange with other grading systems.
#include <cstdio>
#include <filesystem>

#include "app/Commands.h"
#include "engine/graph/Grade.h"
#include "engine/graph/CdlInterchange.h"

namespace tinct {

void addCdlCommand(CLI::App& app, CommandContext&) {
    CLI::App* cdl = app.add_subcommand("cdl", "ASC CDL interchange: import a correction as a node, export a node");
    cdl->require_subcommand(1);

    struct ImportOptions {
        std::string file, grade, id, after;
    };
    auto in = std::make_shared<ImportOptions>();
    CLI::App* import = cdl->add_subcommand("import", "Add a .cc/.ccc/.cdl correction to a grade file as a cdl node");
    import->add_option("file", in->file, ".cc, .ccc or .cdl file")->required();
    import->add_option("--grade", in->grade, "grade file to add to (created if missing)")->required();
    import->add_option("--cdl-id", in->id, "correction id or index in a collection (default: the first)");
    import->add_option("--after", in->after, "node to insert after (default: the end of the chain)");
    import->callback([in] {
        GradeEditor editor(std::filesystem::exists(in->grade) ? loadGrade(in->grade) : Grade{});
        const std::string node = importCdl(editor, in->file, in->id, in->after);
        saveGrade(in->grade, editor.grade());
        std::printf("added cdl node '%s' to %s\n", node.c_str(), in->grade.c_str());
    });

    struct ExportOptions {
        std::string grade, node, output;
    };
    auto out = std::make_shared<ExportOptions>();
    CLI::App* exportCommand = cdl->add_subcommand("export", "Write a grade's cdl node as .cc, .ccc or .cdl");
    exportCommand->add_option("--grade", out->grade, "grade file")->required();
    exportCommand->add_option("--node", out->node, "id of the cdl node")->required();
    exportCommand->add_option("-o,--output", out->output, "file to write: .cc, .ccc or .cdl")->required();
    exportCommand->callback([out] {
        exportCdl(loadGrade(out->grade), out->node, out->output);
        std::printf("wrote %s\n", out->output.c_str());
    });
}

}  // namespace tinct
