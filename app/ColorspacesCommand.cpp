// tinct colorspaces: what the OCIO config offers.
#include <iostream>

#include "app/Commands.h"
#include "engine/color/ConfigDescription.h"

namespace tinct {

namespace {

void run(const std::string& configPath, bool json) {
    const auto description = describeConfig(loadConfig(configPath));
    if (json) {
        std::cout << description.dump(2) << "\n";
        return;
    }
    std::cout << "config " << description["config"].get<std::string>() << " (" << description["source"].get<std::string>()
              << ")\n\ncolour spaces:\n";
    for (const auto& cs : description["colorspaces"]) {
        std::cout << "  " << cs["name"].get<std::string>();
        if (!cs["encoding"].get<std::string>().empty()) std::cout << "  [" << cs["encoding"].get<std::string>() << "]";
        if (!cs["aliases"].empty()) {
            std::cout << "  aka";
            for (const auto& a : cs["aliases"]) std::cout << " " << a.get<std::string>();
        }
        std::cout << "\n";
    }
    std::cout << "\ndisplays and views:\n";
    for (const auto& d : description["displays"]) {
        std::cout << "  " << d["name"].get<std::string>() << ":";
        for (const auto& v : d["views"]) std::cout << " '" << v.get<std::string>() << "'";
        std::cout << "\n";
    }
    std::cout << "\nlooks:\n";
    for (const auto& l : description["looks"]) std::cout << "  " << l["name"].get<std::string>() << "\n";
    std::cout << "\nroles:\n";
    for (const auto& [role, space] : description["roles"].items()) std::cout << "  " << role << ": " << space.get<std::string>() << "\n";
}

}  // namespace

void addColorspacesCommand(CLI::App& app, CommandContext&) {
    auto config = std::make_shared<std::string>();
    auto json = std::make_shared<bool>(false);
    CLI::App* command = app.add_subcommand("colorspaces", "List the colour spaces, displays, views, looks and roles of the OCIO config");
    command->add_option("--config", *config, "OCIO config (default: the OCIO environment variable, else Tinct's)");
    command->add_flag("--json", *json, "print JSON");
    command->callback([config, json] { run(*config, *json); });
}

}  // namespace tinct
