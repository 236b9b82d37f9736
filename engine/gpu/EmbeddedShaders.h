#pragma once
// Shaders built into the binary by shaders/CMakeLists.txt.
#include <cstdint>
#include <span>
#include <string_view>

namespace tinct::shaders {

// SPIR-V of shaders/NAME.comp compiled at build time; empty if there is none.
std::span<const uint32_t> spirv(std::string_view name);

// Text of shaders/snippets/NAME (with extension); empty if there is none.
std::string_view snippet(std::string_view name);

}  // namespace tinct::shaders
