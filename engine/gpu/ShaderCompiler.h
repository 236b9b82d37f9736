#pragma once
// GLSL to SPIR-V at run time, for kernels generated from snippets and OCIO shader text. Results are
// kept in memory for the process and on disk across runs (TINCT_SHADER_CACHE: a directory or
// "off"; by default ~/.cache/tinct/shaders), keyed by a hash of the source, so a structure seen
// before is not compiled again.
#include <cstdint>
#include <string>
#include <vector>

namespace tinct {

// Compiles a compute shader. Throws tinct::Error carrying the compiler's messages and the numbered
// source (a failure here is a Tinct bug, and the numbered source is what a bug report needs).
std::vector<uint32_t> compileComputeShader(const std::string& glsl, const std::string& name);

// The disk-cache file name of a source ("<hash>.spv").
std::string shaderCacheName(const std::string& glsl);

// Kernels built in this process (misses of the in-memory cache, compiled or read from disk); tests
// use it to check that a parameter change builds nothing.
uint64_t shaderCompilationCount();

}  // namespace tinct
