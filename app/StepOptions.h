#pragma once
// --grade, --cdl, --cdl-id, --lut with their style options: the point steps the user asked for, in
// command-line order. Shared by every command that grades (render now; bake-lut and scopes later).
#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "engine/graph/GradeCompiler.h"
#include "engine/kernel/PointStep.h"

namespace tinct {

class StepOptions {
public:
    void add(CLI::App& command);
    // Loads the files in the order given; call after parsing. With `nodes`, which grade node made
    // each step (named "FILE:NODE" when several grades are given). Throws tinct::Error.
    PointSteps steps(const CLI::App& command, StepNodes* nodes = nullptr) const;

private:
    std::vector<std::string> cdls_, cdlIds_, luts_, grades_;
    std::string cdlStyle_ = "no-clamp", lutInterp_ = "tetrahedral";
    CLI::Option *cdlOption_ = nullptr, *cdlIdOption_ = nullptr, *lutOption_ = nullptr, *gradeOption_ = nullptr;
};

}  // namespace tinct
