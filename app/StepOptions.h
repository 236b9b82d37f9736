#pragma once
// --grade, --cdl, --cdl-id, --lut with their style options: the point steps the user asked for, in
// command-line order. Shared by every command that grades (render now; bake-lut and scopes later).
#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "engine/kernel/PointStep.h"

namespace tinct {

class StepOptions {
public:
    void add(CLI::App& command);
    // Loads the files in the order given; call after parsing. Throws tinct::Error.
    PointSteps steps(const CLI::App& command) const;

private:
    std::vector<std::string> cdls_, cdlIds_, luts_, grades_;
    std::string cdlStyle_ = "no-clamp", lutInterp_ = "tetrahedral";
    CLI::Option *cdlOption_ = nullptr, *cdlIdOption_ = nullptr, *lutOption_ = nullptr, *gradeOption_ = nullptr;
};

}  // namespace tinct
