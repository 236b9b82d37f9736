// tinct scopes: waveform, parade, vectorscope, histogram and CIE plots of graded frames, as PNG
// images and (with --json) the counts behind them.
#include <cstdio>

#include "app/ColorOptions.h"
#include "app/Commands.h"
#include "app/StepOptions.h"
#include "engine/Error.h"
#include "engine/scopes/ScopeJob.h"

namespace tinct {

namespace {

struct ScopesOptions {
    std::string input, output, frames, layer, kinds = "waveform,parade,vectorscope,histogram,cie", size = "1024x512";
    std::string scale = "percent", waveform = "luma", matrix = "auto";
    int bins = 1024, zoom = 1;
    bool json = false, logHistogram = false, skipMissing = false, source = false;
    StepOptions steps;
    ColorRequest color;
};

void run(const CLI::App& command, ScopesOptions& o, CommandContext& context) {
    ScopeJobSettings s;
    s.input = o.input;
    if (!o.frames.empty()) s.frames = parseFrameRange(o.frames);
    s.skipMissing = o.skipMissing;
    s.layer = o.layer;
    s.outputDirectory = o.output;
    if (o.source && (!o.steps.steps(command).empty() || o.color.converts()))
        throw Error("--source shows the source as it is: it takes no grade or colour flags");
    s.steps = o.steps.steps(command);
    s.color = o.color;
    s.json = o.json;
    s.log = [](const std::string& note) { std::fprintf(stderr, "tinct: %s\n", note.c_str()); };
    ScopeOptions& opt = s.options;
    opt.kinds = parseScopeKinds(o.kinds);
    char rest = 0;
    if (std::sscanf(o.size.c_str(), "%dx%d%c", &opt.width, &opt.height, &rest) != 2)
        throw Error("--size " + o.size + ": expected WIDTHxHEIGHT, e.g. 1024x512");
    opt.bins = o.bins;
    opt.zoom = o.zoom;
    opt.logHistogram = o.logHistogram;
    opt.rgbWaveform = o.waveform == "rgb";
    opt.scale = o.scale == "nits" ? ScopeScale::Nits : o.scale == "code" ? ScopeScale::CodeValue10 : ScopeScale::Percent;
    s.autoMatrix = o.matrix == "auto";
    if (!s.autoMatrix) opt.matrix = o.matrix == "rec2020" ? CbCrMatrix::Rec2020 : CbCrMatrix::Rec709;
    const size_t frames = runScopes(context.gpu(), s);
    std::printf("wrote the scopes of %zu frame(s) to %s\n", frames, o.output.c_str());
}

}  // namespace

void addScopesCommand(CLI::App& app, CommandContext& context) {
    auto o = std::make_shared<ScopesOptions>();
    CLI::App* command = app.add_subcommand("scopes", "Draw waveform, parade, vectorscope, histogram and CIE scopes of graded frames");
    command->add_option("input", o->input, "EXR file or sequence pattern")->required();
    command->add_option("-o,--output", o->output, "directory for the PNG images (and scopes.json)")->required();
    command->add_option("--kinds", o->kinds, "comma-separated: waveform,parade,vectorscope,histogram,cie (default all)");
    command->add_option("--size", o->size, "image size WIDTHxHEIGHT (vectorscope and CIE: HEIGHT square); default 1024x512");
    command->add_option("--bins", o->bins, "histogram bins over 0..1 (default 1024)");
    command->add_flag("--json", o->json, "also write the counts as scopes.json");
    command->add_option("--frames", o->frames, "frame range A-B of a sequence");
    command->add_flag("--skip-missing", o->skipMissing, "go on without missing frames");
    command->add_option("--layer", o->layer, "EXR layer or part to read");
    command->add_option("--scale", o->scale, "graticule: percent, code (10-bit code values) or nits (PQ signals)")
        ->check(CLI::IsMember({"percent", "code", "nits"}));
    command->add_option("--waveform", o->waveform, "waveform trace: luma or rgb (overlay)")->check(CLI::IsMember({"luma", "rgb"}));
    command->add_option("--zoom", o->zoom, "vectorscope zoom: 1, 2 or 4")->check(CLI::IsMember({1, 2, 4}));
    command->add_option("--matrix", o->matrix, "luma and Cb/Cr matrix: auto, rec709 or rec2020")
        ->check(CLI::IsMember({"auto", "rec709", "rec2020"}));
    command->add_flag("--log-histogram", o->logHistogram, "histogram bars by log count");
    command->add_flag("--source", o->source, "scope the source pixels as they are (no grade, no colour conversion)");
    o->steps.add(*command);
    addColorOptions(*command, o->color);
    command->callback([command, o, &context] { run(*command, *o, context); });
}

}  // namespace tinct
