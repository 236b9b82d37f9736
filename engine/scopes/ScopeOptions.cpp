#include "engine/scopes/ScopeOptions.h"

#include "engine/Error.h"

namespace tinct {

const std::vector<ScopeKind>& allScopeKinds() {
    static const std::vector<ScopeKind> all = {ScopeKind::Waveform, ScopeKind::Parade, ScopeKind::Vectorscope,
                                               ScopeKind::Histogram, ScopeKind::Cie};
    return all;
}

const char* scopeKindName(ScopeKind kind) {
    switch (kind) {
        case ScopeKind::Waveform: return "waveform";
        case ScopeKind::Parade: return "parade";
        case ScopeKind::Vectorscope: return "vectorscope";
        case ScopeKind::Histogram: return "histogram";
        case ScopeKind::Cie: return "cie";
    }
    return "?";
}

std::vector<ScopeKind> parseScopeKinds(const std::string& text) {
    std::vector<ScopeKind> kinds;
    size_t at = 0;
    while (at <= text.size()) {
        const size_t end = std::min(text.find(',', at), text.size());
        const std::string name = text.substr(at, end - at);
        bool found = false;
        for (ScopeKind k : allScopeKinds())
            if (name == scopeKindName(k)) {
                kinds.push_back(k);
                found = true;
            }
        if (!found)
            throw Error("unknown scope '" + name + "': use waveform, parade, vectorscope, histogram, cie");
        at = end + 1;
    }
    return kinds;
}

}  // namespace tinct
