// tinct sample: writes the built-in sample footage.
#include <cstdio>

#include "app/Commands.h"
#include "engine/Error.h"
#include "engine/render/SampleSequence.h"

namespace tinct {

namespace {

struct SampleOptions {
    std::string directory, size = "1920x1080";
    SampleSequenceOptions sequence;
};

void run(SampleOptions& o) {
    char rest = 0;
    if (std::sscanf(o.size.c_str(), "%dx%d%c", &o.sequence.width, &o.sequence.height, &rest) != 2)
        throw Error("--size " + o.size + ": expected WIDTHxHEIGHT, e.g. 1920x1080");
    const std::string pattern = writeSampleSequence(o.directory, o.sequence);
    std::printf("wrote %d frames %d-%d of %dx%d ACES2065-1 footage: %s (patch values in %s/chart.json)\n",
                o.sequence.count, o.sequence.firstFrame, o.sequence.firstFrame + o.sequence.count - 1, o.sequence.width,
                o.sequence.height, pattern.c_str(), o.directory.c_str());
}

}  // namespace

void addSampleCommand(CLI::App& app, CommandContext&) {
    auto options = std::make_shared<SampleOptions>();
    CLI::App* command = app.add_subcommand("sample", "Write the built-in sample footage (EXR sequence and chart.json)");
    command->add_option("-o,--output", options->directory, "directory to write into")->required();
    command->add_option("--size", options->size, "frame size, WIDTHxHEIGHT (default 1920x1080)");
    command->add_option("--count", options->sequence.count, "number of frames (default 24)")->check(CLI::PositiveNumber);
    command->add_option("--start", options->sequence.firstFrame, "first frame number (default 1001)");
    command->callback([options] { run(*options); });
}

}  // namespace tinct
