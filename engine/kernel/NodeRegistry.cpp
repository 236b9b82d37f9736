#include "engine/kernel/NodeRegistry.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <mutex>

namespace tinct {

namespace {

struct Family {
    int rank;
    std::vector<NodeType> (*types)();
};

// Filled before main() runs; read only after. A function-local static, so that registrations in
// other translation units find it constructed whatever the order of static initialisation.
std::vector<Family>& families() {
    static std::vector<Family> all;
    return all;
}

}  // namespace

NodeFamilyRegistration::NodeFamilyRegistration(int rank, std::vector<NodeType> (*types)()) {
    families().push_back({rank, types});
}

const std::vector<NodeType>& nodeTypes() {
    // The types are made on first use, not at registration: their declarations may call into other
    // libraries (OCIO) that need not be initialised before main().
    static const std::vector<NodeType> types = [] {
        std::vector<Family> sorted = families();
        std::stable_sort(sorted.begin(), sorted.end(), [](const Family& a, const Family& b) { return a.rank < b.rank; });
        std::vector<NodeType> all;
        for (const Family& f : sorted)
            for (NodeType& t : f.types()) {
                if (std::any_of(all.begin(), all.end(), [&](const NodeType& u) { return u.name == t.name; })) {
                    std::fprintf(stderr, "tinct: internal error: node type '%s' is registered twice\n", t.name.c_str());
                    std::abort();
                }
                all.push_back(std::move(t));
            }
        return all;
    }();
    return types;
}

const NodeType* findNodeType(const std::string& name) {
    for (const auto& t : nodeTypes())
        if (t.name == name) return &t;
    return nullptr;
}

}  // namespace tinct
