#include "engine/color/ConfigDescription.h"

namespace OCIO = OCIO_NAMESPACE;

namespace tinct {

nlohmann::json describeConfig(const LoadedConfig& loaded) {
    const auto& config = *loaded.config;
    nlohmann::json out = {{"config", loaded.path}, {"source", loaded.source}};
    out["colorspaces"] = nlohmann::json::array();
    for (int i = 0; i < config.getNumColorSpaces(OCIO::SEARCH_REFERENCE_SPACE_ALL, OCIO::COLORSPACE_ALL); ++i) {
        const char* name = config.getColorSpaceNameByIndex(OCIO::SEARCH_REFERENCE_SPACE_ALL, OCIO::COLORSPACE_ALL, i);
        auto cs = config.getColorSpace(name);
        nlohmann::json aliases = nlohmann::json::array();
        for (size_t a = 0; a < cs->getNumAliases(); ++a) aliases.push_back(cs->getAlias(a));
        out["colorspaces"].push_back(
            {{"name", name}, {"family", cs->getFamily()}, {"encoding", cs->getEncoding()}, {"aliases", aliases},
             {"referenceSpace", cs->getReferenceSpaceType() == OCIO::REFERENCE_SPACE_DISPLAY ? "display" : "scene"}});
    }
    out["displays"] = nlohmann::json::array();
    for (int d = 0; d < config.getNumDisplays(); ++d) {
        const char* display = config.getDisplay(d);
        nlohmann::json views = nlohmann::json::array();
        for (int v = 0; v < config.getNumViews(display); ++v) views.push_back(config.getView(display, v));
        out["displays"].push_back({{"name", display}, {"views", views}});
    }
    out["looks"] = nlohmann::json::array();
    for (int l = 0; l < config.getNumLooks(); ++l) {
        const char* name = config.getLookNameByIndex(l);
        out["looks"].push_back({{"name", name}, {"processSpace", config.getLook(name)->getProcessSpace()}});
    }
    out["roles"] = nlohmann::json::object();
    for (int r = 0; r < config.getNumRoles(); ++r)
        out["roles"][config.getRoleName(r)] = config.getRoleColorSpace(r);
    return out;
}

}  // namespace tinct
