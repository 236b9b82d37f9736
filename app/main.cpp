// tinct: the command line of the Tinct grading engine.
#include <csignal>
#include <cstdio>
#include <memory>

#include "app/Commands.h"
#include "engine/Error.h"
#include "engine/gpu/GpuContext.h"

namespace {

std::atomic<bool>* cancelFlag = nullptr;
volatile std::sig_atomic_t stopSignal = 0;

// A render stops between frames and cleans up (no temporary files left) rather than dying mid-write.
// A second signal ends the process at once.
void onStopSignal(int signal) {
    if (stopSignal) std::_Exit(128 + signal);
    stopSignal = signal;
    if (cancelFlag) cancelFlag->store(true);
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Tinct: GPU colour grading and finishing"};
    app.require_subcommand(1);
    app.set_version_flag("--version", "tinct 0.1.0");

    std::unique_ptr<tinct::GpuContext> gpu;
    tinct::CommandContext context;
    context.gpu = [&]() -> tinct::GpuContext& {
        if (!gpu) gpu = std::make_unique<tinct::GpuContext>();
        return *gpu;
    };
    cancelFlag = &context.cancel;
    std::signal(SIGINT, onStopSignal);
    std::signal(SIGTERM, onStopSignal);
    tinct::addRenderCommand(app, context);
    tinct::addInfoCommand(app, context);
    tinct::addDevicesCommand(app, context);
    tinct::addSampleCommand(app, context);
    tinct::addColorspacesCommand(app, context);
    tinct::addScopesCommand(app, context);
    tinct::addGradeCommand(app, context);
    tinct::addBakeLutCommand(app, context);
    tinct::addCdlCommand(app, context);
    tinct::addRestoreCommand(app, context);
    tinct::addGuiCommand(app, context);

    int status = 0;
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e);
    } catch (const tinct::Error& e) {
        std::fprintf(stderr, "tinct: error: %s\n", e.what());
        status = 1;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "tinct: internal error: %s\n", e.what());
        status = 1;
    }
    if (stopSignal) return 128 + stopSignal;  // the shell's convention: 130 for Ctrl-C, 143 for SIGTERM
    // With TINCT_VALIDATION=1 a validation message is a failure, whatever else happened.
    if (gpu && gpu->validationMessageCount() > 0) {
        std::fprintf(stderr, "tinct: error: %zu Vulkan validation message(s)\n", gpu->validationMessageCount());
        if (status == 0) status = 3;
    }
    return status;
}
