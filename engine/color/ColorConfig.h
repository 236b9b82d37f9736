#pragma once
// Which OpenColorIO config Tinct uses, and names looked up in it with errors a person can act on.
#include <OpenColorIO/OpenColorIO.h>

#include <string>
#include <vector>

namespace tinct {

struct LoadedConfig {
    OCIO_NAMESPACE::ConstConfigRcPtr config;
    std::string path;    // the file it came from
    std::string source;  // why that file: "--config", "the OCIO environment variable", "the default"
};

// --config FILE when given, else the OCIO environment variable, else luts/config.ocio installed
// beside the tinct binary. Throws tinct::Error naming the file for a missing file, a YAML error or
// a config that does not validate.
LoadedConfig loadConfig(const std::string& explicitPath);

// The default config's path (beside the binary, or in ../share/tinct); empty if not found.
std::string defaultConfigPath();

// Canonical names of colour spaces, displays, views and looks, throwing tinct::Error that lists the
// closest names the config has when `name` is unknown. Colour spaces accept aliases and roles.
std::string requireColorSpace(const LoadedConfig& config, const std::string& name, const std::string& flag);
std::string requireDisplay(const LoadedConfig& config, const std::string& name);
std::string requireView(const LoadedConfig& config, const std::string& display, const std::string& view);
std::string requireLook(const LoadedConfig& config, const std::string& name);

// Up to `count` of `candidates` closest to `name` (case-insensitive edit distance, substrings first).
std::vector<std::string> closestNames(const std::string& name, const std::vector<std::string>& candidates,
                                      size_t count = 5);

}  // namespace tinct
