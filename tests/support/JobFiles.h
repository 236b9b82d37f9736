#pragma once
// What the command-line tests read back from a job: a sequence's files by frame number, JSON reports,
// repair mattes.
#include <string>

#include <cstdint>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/support/ExrOracle.h"

namespace tinct::test {

// `pattern` with its "####" replaced by `n`, four digits.
std::string frameName(const std::string& pattern, int n);

// The JSON file at `path` (a parse error fails the test that reads it).
nlohmann::json readJson(const std::string& path);

// Where a repairing node's `view matte` frame, as OpenEXR read it, says it repaired: 1 where its red
// is above 0, row-major.
std::vector<uint8_t> matteMask(const ExrPixels& matte);

}  // namespace tinct::test
