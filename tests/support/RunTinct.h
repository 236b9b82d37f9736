#pragma once
// Runs the real `tinct` binary as a user would, with the validation layer on.
#include <string>
#include <vector>

namespace tinct::test {

struct RunResult {
    int exitCode = -1;
    std::string out, err;
};

// `args` are passed through the shell, each single-quoted. `env` entries ("NAME=value") are set
// for this run only; TINCT_VALIDATION=1 is always set, so a validation message fails the run.
RunResult runTinct(const std::vector<std::string>& args, const std::vector<std::string>& env = {});

}  // namespace tinct::test
