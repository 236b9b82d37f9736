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

std::vector<uint8_t> matteMask(const ExrPixels& matte) {
    std::vector<uint8_t> mask(size_t(matte.width) * matte.height);
    for (size_t p = 0; p < mask.size(); ++p) mask[p] = matte.rgba[4 * p] > 0.0f;
    return mask;
}

}  // namespace tinct::test
