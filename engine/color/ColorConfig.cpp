#include "engine/color/ColorConfig.h"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>

#include "engine/Error.h"

namespace OCIO = OCIO_NAMESPACE;
namespace fs = std::filesystem;

namespace tinct {

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

size_t editDistance(const std::string& a, const std::string& b) {
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        size_t diagonal = row[0];
        row[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            const size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

std::string listed(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ", ") + ("'" + n + "'");
    return out;
}

[[noreturn]] void unknown(const std::string& what, const std::string& name, const std::vector<std::string>& all,
                          const LoadedConfig& config) {
    const auto close = closestNames(name, all);
    throw Error("unknown " + what + " '" + name + "' in " + config.path +
                (close.empty() ? std::string() : "; closest: " + listed(close)) +
                " (tinct colorspaces lists them all)");
}

}  // namespace

std::vector<std::string> closestNames(const std::string& name, const std::vector<std::string>& candidates, size_t count) {
    const std::string want = lower(name);
    std::vector<std::pair<size_t, std::string>> scored;
    std::vector<std::string> words;  // "aces sdr" should find "ACES 1.0 - SDR Video"
    for (size_t at = 0; at < want.size();) {
        const size_t end = std::min(want.find(' ', at), want.size());
        if (end > at) words.push_back(want.substr(at, end - at));
        at = end + 1;
    }
    for (const auto& c : candidates) {
        const std::string have = lower(c);
        const bool contains = !want.empty() && (have.find(want) != std::string::npos || want.find(have) != std::string::npos);
        const bool allWords = !words.empty() && std::all_of(words.begin(), words.end(), [&](const std::string& w) {
            return have.find(w) != std::string::npos;
        });
        scored.push_back({contains ? 0 : allWords ? 1 : editDistance(want, have) + 2, c});
    }
    std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<std::string> out;
    for (const auto& [score, c] : scored) {
        if (out.size() == count || score > std::max<size_t>(want.size(), 4)) break;
        out.push_back(c);
    }
    return out;
}

std::string defaultConfigPath() {
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec) return "";
    for (const fs::path& candidate : {exe.parent_path() / "luts" / "config.ocio",
                                      exe.parent_path().parent_path() / "share" / "tinct" / "luts" / "config.ocio"})
        if (fs::is_regular_file(candidate)) return candidate.string();
    return "";
}

LoadedConfig loadConfig(const std::string& explicitPath) {
    LoadedConfig loaded;
    if (!explicitPath.empty()) {
        loaded = {nullptr, explicitPath, "--config"};
    } else if (const char* env = std::getenv("OCIO"); env && *env) {
        loaded = {nullptr, env, "the OCIO environment variable"};
    } else {
        loaded = {nullptr, defaultConfigPath(), "the default"};
        if (loaded.path.empty())
            throw Error("Tinct's default OCIO config (luts/config.ocio beside the tinct binary) is missing; "
                        "give one with --config or the OCIO environment variable");
    }
    if (!fs::is_regular_file(loaded.path))
        throw Error("OCIO config " + loaded.path + " (from " + loaded.source + "): no such file");
    try {
        auto config = OCIO::Config::CreateFromFile(loaded.path.c_str());
        config->validate();
        loaded.config = config;
    } catch (const OCIO::Exception& e) {
        throw Error("OCIO config " + loaded.path + ": " + e.what());
    }
    return loaded;
}

std::string requireColorSpace(const LoadedConfig& config, const std::string& name, const std::string& flag) {
    // getColorSpace resolves names, aliases and roles alike.
    if (auto cs = config.config->getColorSpace(name.c_str())) return cs->getName();
    std::vector<std::string> all;
    for (int i = 0; i < config.config->getNumColorSpaces(OCIO::SEARCH_REFERENCE_SPACE_ALL, OCIO::COLORSPACE_ALL); ++i)
        all.push_back(config.config->getColorSpaceNameByIndex(OCIO::SEARCH_REFERENCE_SPACE_ALL, OCIO::COLORSPACE_ALL, i));
    unknown("colour space for " + flag, name, all, config);
}

std::string requireDisplay(const LoadedConfig& config, const std::string& name) {
    std::vector<std::string> all;
    for (int i = 0; i < config.config->getNumDisplays(); ++i) {
        all.push_back(config.config->getDisplay(i));
        if (lower(all.back()) == lower(name)) return all.back();
    }
    unknown("display", name, all, config);
}

std::string requireView(const LoadedConfig& config, const std::string& display, const std::string& view) {
    std::vector<std::string> all;
    for (int i = 0; i < config.config->getNumViews(display.c_str()); ++i) {
        all.push_back(config.config->getView(display.c_str(), i));
        if (lower(all.back()) == lower(view)) return all.back();
    }
    unknown("view of display '" + display + "'", view, all, config);
}

std::string requireLook(const LoadedConfig& config, const std::string& name) {
    if (auto look = config.config->getLook(name.c_str())) return look->getName();
    std::vector<std::string> all;
    for (int i = 0; i < config.config->getNumLooks(); ++i) all.push_back(config.config->getLookNameByIndex(i));
    unknown("look", name, all, config);
}

}  // namespace tinct
