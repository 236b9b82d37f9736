// tinct restore report: what a cleaning grade repairs in a scan, frame by frame, as JSON, a strip
// plot and a contact sheet, without writing the cleaned frames.
#include <unistd.h>

#include <cstdio>

#include "app/ColorOptions.h"
#include "app/Commands.h"
#include "app/StepOptions.h"
#include "engine/media/MediaKind.h"
#include "engine/media/MovieFrameRange.h"
#include "engine/render/RestoreReport.h"

namespace tinct {

namespace {

struct ReportOptions {
    std::string input, output, frames, layer;
    bool progress = false, skipMissing = false;
    size_t sheetFrames = 12;
    int thumbWidth = 480;
    StepOptions steps;
    ColorRequest color;
};

void runReport(const CLI::App& command, ReportOptions& o, CommandContext& context) {
    RestoreReportSettings s;
    RepairScanSettings& scan = s.scan;
    scan.input = o.input;
    if (!o.frames.empty())
        scan.frames = mediaKindOf(o.input) == MediaKind::Movie ? movieFrameRange(probeMovie(o.input), o.frames) : parseFrameRange(o.frames);
    scan.skipMissing = o.skipMissing;
    scan.layer = o.layer;
    scan.steps = o.steps.steps(command, &scan.repairNodes);
    scan.color = o.color;
    scan.log = [](const std::string& note) { std::fprintf(stderr, "tinct: %s\n", note.c_str()); };
    scan.cancel = &context.cancel;
    s.outputDirectory = o.output;
    s.sheetFrames = o.sheetFrames;
    s.thumbWidth = o.thumbWidth;
    s.progress = o.progress || isatty(STDERR_FILENO);
    const nlohmann::json report = runRestoreReport(context.gpu(), s);
    for (const auto& [node, totals] : report["repairs"].items())
        std::printf("%s: %llu repairs, %llu pixels, in %llu of %llu frames\n", node.c_str(),
                    (unsigned long long)totals["repairs"], (unsigned long long)totals["area"],
                    (unsigned long long)totals["frames_repaired"], (unsigned long long)report["frames"]);
    std::printf("wrote repairs.json, repairs.png and contact_sheet.png to %s\n", o.output.c_str());
}

}  // namespace

void addRestoreCommand(CLI::App& app, CommandContext& context) {
    CLI::App* restore = app.add_subcommand("restore", "Restoration tools: what a cleaning grade repairs");
    restore->require_subcommand(1);
    auto o = std::make_shared<ReportOptions>();
    CLI::App* report = restore->add_subcommand(
        "report", "Run a cleaning grade over a scan and report its repairs per node and frame: repairs.json, a strip "
                  "plot (repairs.png) and a contact sheet of the frames with the most repairs (contact_sheet.png)");
    report->add_option("-i,--input", o->input, "the scan: EXR, DPX, TIFF or PNG sequence, or a movie")->required();
    report->add_option("-o,--output", o->output, "directory for the report")->required();
    report->add_option("--frames", o->frames, "frame range A-B (default: every frame present)");
    report->add_option("--layer", o->layer, "EXR layer or part to read (default: the RGBA layer)");
    o->steps.add(*report);
    addColorOptions(*report, o->color);
    report->add_option("--sheet-frames", o->sheetFrames, "frames on the contact sheet: those with the most repairs (default 12)")
        ->check(CLI::Range(0, 100));
    report->add_option("--thumb-width", o->thumbWidth, "width of each picture on the contact sheet (default 480)")
        ->check(CLI::Range(64, 2048));
    report->add_flag("--progress", o->progress, "show frames done, fps and time left (always on a terminal)");
    report->add_flag("--skip-missing", o->skipMissing, "report the frames present when some are missing");
    report->callback([report, o, &context] { runReport(*report, *o, context); });
}

}  // namespace tinct
