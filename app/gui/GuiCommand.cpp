// `tinct gui`: the grading station. Creates its own GPU context, with the window system's
// extensions and a queue that can present.
#include <cstdio>
#include <cstdlib>

#include "app/ColorOptions.h"
#include "app/Commands.h"
#include "app/gui/Station.h"
#include "app/gui/StationWindow.h"
#include "engine/Error.h"
#include "engine/gpu/GpuContext.h"

namespace tinct {

void addGuiCommand(CLI::App& app, CommandContext& context) {
    auto options = std::make_shared<StationOptions>();
    CLI::App* cmd = app.add_subcommand("gui", "The grading station: viewer, node editor, inspector, scopes");
    cmd->add_option("media", options->media, "EXR file or sequence (shot.####.exr); default the sample footage");
    cmd->add_option("--grade", options->grade, "grade file to open; Ctrl+S saves it");
    addColorOptions(*cmd, options->color);
    cmd->add_option("--calibration-lut", options->calibrationLut,
                    "the monitor's calibration LUT (.cube, .3dl, ...), applied after the display transform");
    cmd->add_flag("--hdr10", options->hdr10,
                  "show the window as HDR10 (SMPTE ST 2084 PQ, Rec.2020, 10-bit) for a PQ display such as "
                  "--display Rec.2100-PQ; fails where the display and driver do not offer it");
    cmd->add_option("--screenshot", options->screenshot, "save the window as PNG after --frames frames, then exit");
    cmd->add_option("--frames", options->frames, "frames to draw before the screenshot (default 1)");
    cmd->add_option("--script", options->script, "JSON list of UI actions to replay, one per frame");
    cmd->add_option("--autosave", options->autosave, "autosave file (default: the grade file + .autosave)");
    cmd->add_flag("--recover", options->recover, "open the autosave a killed or crashed session left");
    cmd->add_option("--window-width", options->width, "window width")->check(CLI::Range(320, 8192));
    cmd->add_option("--window-height", options->height, "window height")->check(CLI::Range(240, 8192));
    cmd->add_option("--sample-width", options->sampleWidth, "sample footage width")->check(CLI::Range(64, 8192));
    cmd->add_option("--sample-height", options->sampleHeight, "sample footage height")->check(CLI::Range(36, 8192));
    cmd->add_option("--bench", options->benchJson, "write parameter-edit-to-screen latencies (JSON)");
    cmd->callback([options, &context] {
        GpuOptions gpuOptions = GpuOptions::fromEnvironment();
        gpuOptions.instanceExtensions = StationWindow::requiredInstanceExtensions();
        gpuOptions.presentation = true;
        gpuOptions.optionalInstanceExtensions = StationWindow::optionalInstanceExtensions();
        gpuOptions.optionalDeviceExtensions = StationWindow::optionalDeviceExtensions();
        size_t messages = 0;
        {
            GpuContext gpu(gpuOptions);
            runStation(gpu, *options);
            messages = gpu.validationMessageCount();
            if (messages) std::fprintf(stderr, "tinct: last validation message: %s\n", gpu.lastValidationMessage().c_str());
        }
        // As for every command: with TINCT_VALIDATION=1 a validation message is a failure.
        if (messages) {
            std::fprintf(stderr, "tinct: error: %zu Vulkan validation message(s)\n", messages);
            std::exit(3);
        }
    });
}

}  // namespace tinct
