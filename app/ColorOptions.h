#pragma once
// The colour-management flags, shared by every command that renders pixels.
#include <CLI/CLI.hpp>

#include "engine/color/ColorPipeline.h"

namespace tinct {

void addColorOptions(CLI::App& command, ColorRequest& request);

}  // namespace tinct
