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
#include "engine/media/MediaKind.h"
#include "engine/media/MovieFrameRange.h"
#include "engine/render/RenderJob.h"

namespace tinct {

namespace {

struct RenderOptions {
    std::string input, output, frames, layer, pixelType, compression = "zip", statsPath, audio;
    bool progress = false, skipMissing = false, explain = false;
    int jobs = 0;
    StepOptions steps;
    ColorRequest color;
    EncodeRequest encode;
};


void run(const CLI::App& command, RenderOptions& o, CommandContext& context) {
    RenderSettings settings;
    settings.frames.inputPattern = o.input;
    settings.frames.outputPattern = o.output;
    if (!o.frames.empty())
        settings.frames.frames = mediaKindOf(o.input) == MediaKind::Movie ? movieFrameRange(probeMovie(o.input), o.frames)
                                                                         : parseFrameRange(o.frames);
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
    settings.encode = o.encode;
    settings.encode.audioCopy = o.audio == "copy";
    settings.jobs = o.jobs;
    settings.progress = o.progress || isatty(STDERR_FILENO);
    settings.steps = o.steps.steps(command, o.statsPath.empty() ? nullptr : &settings.countRepairs);
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
    CLI::App* command = app.add_subcommand("render", "Grade frames or a movie on the GPU and write them");
    command->add_option("-i,--input", options->input,
                        "input: EXR, DPX, TIFF or PNG file or sequence (shot.%06d.exr, scan.####.dpx), or a movie "
                        "(.mov, .mp4, .mxf, .mkv: ProRes, DNxHD/HR, H.264, HEVC, FFV1, ...)")
        ->required();
    command->add_option("-o,--output", options->output,
                        "output: EXR, DPX (10-bit), TIFF or PNG (16-bit) file or sequence pattern, or a movie "
                        "(.mov: ProRes by default, .mp4: H.264, .mkv: FFV1)")
        ->required();
    command->add_option("--frames", options->frames,
                        "frame range A-B (default: every frame present); movie frames count from 0, or give "
                        "timecodes HH:MM:SS:FF-HH:MM:SS:FF");
    command->add_option("--layer", options->layer, "EXR layer or part to read (default: the RGBA layer)");
    options->steps.add(*command);
    addColorOptions(*command, options->color);
    command->add_option("--pixel-type", options->pixelType, "output pixel type: half or float (default: the input's)")
        ->check(CLI::IsMember({"half", "float"}));
    command->add_option("--compression", options->compression,
                        "none, rle, zips, zip (default), piz, pxr24, b44, b44a, dwaa, dwab");
    command->add_option("--codec", options->encode.codec, "movie codec: prores, dnxhr, h264, hevc (10-bit), ffv1")
        ->check(CLI::IsMember({"prores", "dnxhr", "h264", "hevc", "ffv1"}));
    command->add_option("--prores-profile", options->encode.profile, "proxy, lt, standard, hq (default), 4444, 4444xq");
    command->add_option("--dnxhr-profile", options->encode.profile, "lb, sq, hq (default), hqx, 444");
    command->add_option("--crf", options->encode.crf, "h264/hevc quality (lower is better)")->check(CLI::Range(0, 51));
    command->add_option("--tag-primaries", options->encode.tagPrimaries, "movie colour tag, FFmpeg's names: bt709, bt2020, smpte432, ...");
    command->add_option("--tag-transfer", options->encode.tagTransfer, "bt709, smpte2084, arib-std-b67, iec61966-2-1, linear, ...");
    command->add_option("--tag-matrix", options->encode.tagMatrix, "bt709, bt2020nc, smpte170m, ... (also the YUV matrix written)");
    command->add_option("--tag-range", options->encode.tagRange, "tv (video levels, default) or pc (full)");
    command->add_option("--timecode", options->encode.timecode, "movie start timecode HH:MM:SS:FF (default: the source's)");
    command->add_option("--audio", options->audio, "copy: carry the source movie's audio packets untouched")
        ->check(CLI::IsMember({"copy", "none"}));
    command->add_option("--stats", options->statsPath,
                        "write per-stage timings and, per restoration node and frame, the repairs made and the "
                        "pixels repaired (JSON) to this file");
    command->add_flag("--progress", options->progress, "show frames done, fps and time left (always on a terminal)");
    command->add_option("--jobs", options->jobs, "reader and writer threads (default: one per core)")
        ->check(CLI::PositiveNumber);
    command->add_flag("--skip-missing", options->skipMissing, "render the frames present when some are missing");
    command->add_flag("--explain", options->explain, "print the plan (frames, colour choices, kernels and their steps) and stop");
    command->callback([command, options, &context] { run(*command, *options, context); });
}

}  // namespace tinct
