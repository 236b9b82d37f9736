#pragma once
// What the command-line tests read back from a job: a sequence's files by frame number, JSON reports.
#include <string>

#include <nlohmann/json.hpp>

namespace tinct::test {

// `pattern` with its "####" replaced by `n`, four digits.
std::string frameName(const std::string& pattern, int n);

// The JSON file at `path` (a parse error fails the test that reads it).
nlohmann::json readJson(const std::string& path);

}  // namespace tinct::test
