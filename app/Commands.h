#pragma once
// The `tinct` subcommands. Each adds itself to the CLI and runs through the engine; none holds
// image maths of its own.
#include <CLI/CLI.hpp>

#include <atomic>
#include <functional>
#include <memory>

namespace tinct {

class GpuContext;

// What a command needs from main: the GPU, created on first use, so `tinct info` runs without one.
struct CommandContext {
    std::function<GpuContext&()> gpu;
    std::atomic<bool> cancel{false};  // set by SIGINT / SIGTERM: long commands stop between frames
};

// Registers a subcommand; the callback it sets runs the command and may throw tinct::Error.
void addRenderCommand(CLI::App& app, CommandContext& context);
void addInfoCommand(CLI::App& app, CommandContext& context);
void addDevicesCommand(CLI::App& app, CommandContext& context);
void addSampleCommand(CLI::App& app, CommandContext& context);
void addColorspacesCommand(CLI::App& app, CommandContext& context);
void addScopesCommand(CLI::App& app, CommandContext& context);
void addGradeCommand(CLI::App& app, CommandContext& context);
void addBakeLutCommand(CLI::App& app, CommandContext& context);
void addCdlCommand(CLI::App& app, CommandContext& context);
void addRestoreCommand(CLI::App& app, CommandContext& context);
void addGuiCommand(CLI::App& app, CommandContext& context);  // app/gui

}  // namespace tinct
