#include "engine/gpu/ShaderCompiler.h"

#include <shaderc/shaderc.hpp>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <unordered_map>

#include "engine/Error.h"
#include "engine/io/AtomicOutput.h"

namespace fs = std::filesystem;

namespace tinct {

namespace {

std::mutex cacheMutex;
std::unordered_map<std::string, std::vector<uint32_t>> cache;  // keyed by the source itself
std::atomic<uint64_t> builds{0};

constexpr uint32_t kSpirvMagic = 0x07230203;
// Part of every disk-cache key, so a Tinct whose compiler settings change never reads old files.
constexpr const char* kCompilerSettings = "shaderc vulkan1.1 performance v1";

std::string numbered(const std::string& source) {
    std::istringstream in(source);
    std::ostringstream out;
    std::string line;
    for (int n = 1; std::getline(in, line); ++n) out << n << ": " << line << "\n";
    return out.str();
}

uint64_t fnv1a(const std::string& text, uint64_t h = 1469598103934665603ull) {
    for (unsigned char c : text) h = (h ^ c) * 1099511628211ull;
    return h;
}

// TINCT_SHADER_CACHE: a directory, or "off"; by default $XDG_CACHE_HOME/tinct/shaders or
// ~/.cache/tinct/shaders. Empty when there is none.
fs::path cacheDirectory() {
    if (const char* dir = std::getenv("TINCT_SHADER_CACHE"); dir && *dir)
        return std::strcmp(dir, "off") == 0 ? fs::path() : fs::path(dir);
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return fs::path(xdg) / "tinct" / "shaders";
    if (const char* home = std::getenv("HOME"); home && *home) return fs::path(home) / ".cache" / "tinct" / "shaders";
    return {};
}

fs::path cacheFile(const std::string& glsl) {
    const fs::path dir = cacheDirectory();
    return dir.empty() ? fs::path() : dir / shaderCacheName(glsl);
}

// A cached module, or empty if there is none or it is not SPIR-V (a damaged file is compiled anew).
std::vector<uint32_t> readCached(const fs::path& file) {
    std::error_code ec;
    if (file.empty() || !fs::is_regular_file(file, ec)) return {};
    const auto bytes = fs::file_size(file, ec);
    if (ec || bytes < 20 || bytes % 4) return {};
    std::vector<uint32_t> words(bytes / 4);
    std::ifstream in(file, std::ios::binary);
    in.read(reinterpret_cast<char*>(words.data()), std::streamsize(bytes));
    if (!in || words[0] != kSpirvMagic) return {};
    return words;
}

// Best effort: a cache that cannot be written only costs the next run a compile.
void writeCached(const fs::path& file, const std::vector<uint32_t>& words) {
    if (file.empty()) return;
    try {
        std::error_code ec;
        fs::create_directories(file.parent_path(), ec);
        AtomicOutput out(file);
        {
            std::ofstream stream(out.tempPath(), std::ios::binary);
            stream.write(reinterpret_cast<const char*>(words.data()), std::streamsize(words.size() * 4));
            if (!stream) return;
        }
        out.commit();
    } catch (const Error&) {
    }
}

}  // namespace

std::vector<uint32_t> compileComputeShader(const std::string& glsl, const std::string& name) {
    {
        std::lock_guard lock(cacheMutex);
        if (auto it = cache.find(glsl); it != cache.end()) return it->second;
    }
    builds++;
    const fs::path file = cacheFile(glsl);
    std::vector<uint32_t> spirv = readCached(file);
    if (spirv.empty()) {
        shaderc::Compiler compiler;
        shaderc::CompileOptions options;
        options.SetTargetEnvironment(shaderc_target_env_vulkan, shaderc_env_version_vulkan_1_1);
        options.SetOptimizationLevel(shaderc_optimization_level_performance);
        auto result = compiler.CompileGlslToSpv(glsl, shaderc_compute_shader, name.c_str(), options);
        if (result.GetCompilationStatus() != shaderc_compilation_status_success)
            throw Error("internal error: generated kernel " + name + " does not compile:\n" + result.GetErrorMessage() +
                        "\n" + numbered(glsl));
        spirv.assign(result.cbegin(), result.cend());
        writeCached(file, spirv);
    }
    std::lock_guard lock(cacheMutex);
    cache.emplace(glsl, spirv);
    return spirv;
}

std::string shaderCacheName(const std::string& glsl) {
    char name[32];
    std::snprintf(name, sizeof name, "%016llx.spv", static_cast<unsigned long long>(fnv1a(glsl, fnv1a(kCompilerSettings))));
    return name;
}

uint64_t shaderCompilationCount() { return builds.load(); }

}  // namespace tinct
