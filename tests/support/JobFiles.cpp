#include "tests/support/JobFiles.h"

#include <cstdio>
#include <fstream>

namespace tinct::test {

std::string frameName(const std::string& pattern, int n) {
    char number[16];
    std::snprintf(number, sizeof number, "%04d", n);
    std::string out = pattern;
    return out.replace(out.find("####"), 4, number);
}

nlohmann::json readJson(const std::string& path) {
    std::ifstream in(path);
    return nlohmann::json::parse(in);
}

}  // namespace tinct::test
