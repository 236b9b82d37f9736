#pragma once
// GLSL to SPIR-V at run time, for kernels generated from snippets and OCIO shader text. Results are
// kept in memory by a hash of the source, so a structure seen before never compiles twice.
#include <cstdint>
#include <string>
#include <vector>

namespace tinct {

// Compiles a compute shader. Throws tinct::Error carrying the compiler's messages and the numbered
// source (a failure here is a Tinct bug, and the numbered source is what a bug report needs).
std::vector<uint32_t> compileComputeShader(const std::string& glsl, const std::string& name);

// Number of compilations actually run (cache misses) in this process; tests use it to check that a
// parameter change does not recompile.
uint64_t shaderCompilationCount();

}  // namespace tinct
