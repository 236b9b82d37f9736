#pragma once
// What the restoration nodes share in their parameters: the polarity of what dust and dead_pixels
// look for, the views of their repairs, a choice's index, and the push constants of the matte
// grow/shrink pass they both run.
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

namespace tinct {

inline const std::vector<std::string>& repairPolarities() {
    static const std::vector<std::string> p = {"both", "dark", "bright"};
    return p;
}
inline const std::vector<std::string>& repairViews() {
    static const std::vector<std::string> v = {"repaired", "matte", "overlay"};
    return v;
}

// The index of a Choice parameter's value among its choices (already checked against them).
inline uint32_t choiceIndex(const std::vector<std::string>& choices, const std::string& value) {
    return uint32_t(std::find(choices.begin(), choices.end(), value) - choices.begin());
}

struct MorphPush {  // shaders/spatial_morph.comp
    uint32_t width, height;
    int32_t radius;
    uint32_t vertical, grow;
};

}  // namespace tinct
