#include "engine/gpu/ShaderCompiler.h"

#include <shaderc/shaderc.hpp>

#include <atomic>
#include <mutex>
#include <sstream>
#include <unordered_map>

#include "engine/Error.h"

namespace tinct {

namespace {

std::mutex cacheMutex;
std::unordered_map<std::string, std::vector<uint32_t>> cache;  // keyed by the source itself
std::atomic<uint64_t> compilations{0};

std::string numbered(const std::string& source) {
    std::istringstream in(source);
    std::ostringstream out;
    std::string line;
    for (int n = 1; std::getline(in, line); ++n) out << n << ": " << line << "\n";
    return out.str();
}

}  // namespace

std::vector<uint32_t> compileComputeShader(const std::string& glsl, const std::string& name) {
    {
        std::lock_guard lock(cacheMutex);
        if (auto it = cache.find(glsl); it != cache.end()) return it->second;
    }
    shaderc::Compiler compiler;
    shaderc::CompileOptions options;
    options.SetTargetEnvironment(shaderc_target_env_vulkan, shaderc_env_version_vulkan_1_1);
    options.SetOptimizationLevel(shaderc_optimization_level_performance);
    auto result = compiler.CompileGlslToSpv(glsl, shaderc_compute_shader, name.c_str(), options);
    if (result.GetCompilationStatus() != shaderc_compilation_status_success)
        throw Error("internal error: generated kernel " + name + " does not compile:\n" + result.GetErrorMessage() +
                    "\n" + numbered(glsl));
    std::vector<uint32_t> spirv(result.cbegin(), result.cend());
    compilations++;
    std::lock_guard lock(cacheMutex);
    cache.emplace(glsl, spirv);
    return spirv;
}

uint64_t shaderCompilationCount() { return compilations.load(); }

}  // namespace tinct
