// tinct render: frames in, grade on the GPU, frames out.
#include <unistd.h>

#include <cstdio>
#include <filesystem>

#include "app/ColorOptions.h"
#include "app/Commands.h"
#include "app/StepOptions.h"
#include "engine/Error.h"
#include "engine/io/AtomicOutput.h"
#include "engine/io/FrameRange.h"
#include "engine/render/RenderJob.h"

namespace tinct {

namespace {

struct RenderOptions {
    std::string input, output, frames, layer, pixelType, compression = "zip", statsPath;
    bool progress = false, skipMissing = false, explain = false;
    int jobs = 0;
    StepOptions steps;
    ColorRequest color;
};


void run(const CLI::App& command, RenderOptions& o, CommandContext& context) {
    RenderSettings settings;
    settings.frames.inputPattern = o.input;
    settings.frames.outputPattern = o.output;
    if (!o.frames.empty()) settings.frames.frames = parseFrameRange(o.frames);
    settings.frames.skipMissing = o.skipMissing;
    if (!o.statsPath.empty()) {
        settings.frames.sideOutputs.push_back(o.statsPath);
        // Made now, as outputs' directories are, so that a path that cannot work fails before a
        // long render rather than after it.
        const auto directory = std::filesystem::absolute(o.statsPath).parent_path();
        std::error_code ec;
        std::filesystem::create_directories(directory, ec);
        if (ec || !std::filesystem::is_directory(directory))
            throw Error("--stats " + o.statsPath + ": cannot create the directory " + directory.string() +
                        (ec ? ": " + ec.message() : std::string()));
    }
    settings.layer = o.layer;
    if (o.pixelType == "half") settings.pixelType = PixelType::Half;
    if (o.pixelType == "float") settings.pixelType = PixelType::Float;
    settings.compression = parseExrCompression(o.compression);
    settings.jobs = o.jobs;
    settings.progress = o.progress || isatty(STDERR_FILENO);
    settings.steps = o.steps.steps(command);
    settings.color = o.color;
    settings.log = [](const std::string& note) { std::fprintf(stderr, "tinct: %s\n", note.c_str()); };

    if (o.explain) {  // a dry run: the plan, nothing read beyond headers, nothing written
        std::fputs(explainRender(settings).c_str(), stdout);
        return;
    }
    settings.cancel = &context.cancel;
    const RenderStats stats = runRender(context.gpu(), settings);
    if (!stats.skipped.empty())
        std::fprintf(stderr, "tinct: skipped missing frames %s\n", describeGaps(stats.skipped).c_str());
    if (!o.statsPath.empty()) writeTextAtomically(o.statsPath, stats.toJson().dump(2) + "\n");
}

}  // namespace

void addRenderCommand(CLI::App& app, CommandContext& context) {
    auto options = std::make_shared<RenderOptions>();
    CLI::App* command = app.add_subcommand("render", "Grade frames on the GPU and write them");
    command->add_option("-i,--input", options->input, "input EXR file or sequence (shot.%06d.exr, shot.####.exr)")
        ->required();
    command->add_option("-o,--output", options->output, "output EXR file or sequence pattern")->required();
    command->add_option("--frames", options->frames, "frame range A-B (default: every frame present)");
    command->add_option("--layer", options->layer, "EXR layer or part to read (default: the RGBA layer)");
    options->steps.add(*command);
    addColorOptions(*command, options->color);
    command->add_option("--pixel-type", options->pixelType, "output pixel type: half or float (default: the input's)")
        ->check(CLI::IsMember({"half", "float"}));
    command->add_option("--compression", options->compression,
                        "none, rle, zips, zip (default), piz, pxr24, b44, b44a, dwaa, dwab");
    command->add_option("--stats", options->statsPath, "write per-stage timings (JSON) to this file");
    command->add_flag("--progress", options->progress, "show frames done, fps and time left (always on a terminal)");
    command->add_option("--jobs", options->jobs, "reader and writer threads (default: one per core)")
        ->check(CLI::PositiveNumber);
    command->add_flag("--skip-missing", options->skipMissing, "render the frames present when some are missing");
    command->add_flag("--explain", options->explain, "print the plan (frames, colour choices, kernels and their steps) and stop");
    command->callback([command, options, &context] { run(*command, *options, context); });
}

}  // namespace tinct
