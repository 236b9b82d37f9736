#include "engine/graph/Grade.h"

#include <fstream>
#include <functional>
#include <map>

#include "engine/Error.h"
#include "engine/io/AtomicOutput.h"
#include "engine/kernel/NodeRegistry.h"

namespace tinct {

namespace {

std::string knownTypes() {
    std::string s;
    for (const auto& t : nodeTypes()) s += (s.empty() ? "" : ", ") + t.name;
    return s;
}

const NodeType& requireType(const std::string& type, const std::string& where) {
    const NodeType* t = findNodeType(type);
    if (!t) throw Error(where + ": unknown node type '" + type + "' (known: " + knownTypes() + ")");
    return *t;
}

template <typename T>
T field(const nlohmann::json& object, const char* name, const std::string& where, T fallback, bool required = false) {
    if (!object.contains(name)) {
        if (required) throw Error(where + ": missing \"" + name + "\"");
        return fallback;
    }
    const auto& v = object[name];
    if constexpr (std::is_same_v<T, std::string>) {
        if (!v.is_string()) throw Error(where + ": \"" + name + "\" must be a string, got " + v.dump());
    } else if constexpr (std::is_same_v<T, bool>) {
        if (!v.is_boolean()) throw Error(where + ": \"" + name + "\" must be true or false, got " + v.dump());
    } else {
        if (!v.is_number()) throw Error(where + ": \"" + name + "\" must be a number, got " + v.dump());
    }
    return v.get<T>();
}

GradeNode nodeFromJson(const nlohmann::json& j, const std::string& file, size_t index) {
    const std::string at = file + ": nodes[" + std::to_string(index) + "]";
    if (!j.is_object()) throw Error(at + ": must be an object, got " + j.dump());
    GradeNode n;
    n.id = field<std::string>(j, "id", at, "", true);
    const std::string where = file + ": node '" + n.id + "'";
    n.type = field<std::string>(j, "type", where, "", true);
    const NodeType& type = requireType(n.type, where);
    const std::string nodeWhere = where + " (" + n.type + ")";
    n.label = field<std::string>(j, "label", nodeWhere, "");
    n.bypass = field<bool>(j, "bypass", nodeWhere, false);
    n.opacity = field<double>(j, "opacity", nodeWhere, 1.0);
    if (!(n.opacity >= 0 && n.opacity <= 1)) throw Error(nodeWhere + ": opacity " + std::to_string(n.opacity) + " is outside 0 .. 1");
    n.inputs.clear();
    if (j.contains("inputs")) {
        if (!j["inputs"].is_array()) throw Error(nodeWhere + ": \"inputs\" must be an array of node ids");
        for (const auto& input : j["inputs"]) {
            if (!input.is_string()) throw Error(nodeWhere + ": \"inputs\" must hold node ids, got " + input.dump());
            n.inputs.push_back(input.get<std::string>());
        }
    } else if (type.minInputs > 0) {
        n.inputs.push_back(kSourceInput);
    }
    n.matte = field<std::string>(j, "matte", nodeWhere, "");
    n.params = defaultParams(type.params);
    if (j.contains("params")) {
        if (!j["params"].is_object()) throw Error(nodeWhere + ": \"params\" must be an object");
        for (const auto& [name, value] : j["params"].items()) {
            const auto decl = std::find_if(type.params.begin(), type.params.end(), [&](const ParamDecl& d) { return d.name == name; });
            if (decl == type.params.end()) {
                std::string names;
                for (const auto& d : type.params) names += (names.empty() ? "" : ", ") + d.name;
                throw Error(nodeWhere + ": params." + name + ": no such parameter (" + n.type + " has " + names + ")");
            }
            n.params.set(name, paramFromJson(*decl, value, nodeWhere + ": params." + name));
        }
    }
    return n;
}

}  // namespace

const GradeNode* Grade::find(const std::string& id) const {
    for (const auto& n : nodes)
        if (n.id == id) return &n;
    return nullptr;
}

GradeNode* Grade::find(const std::string& id) {
    return const_cast<GradeNode*>(static_cast<const Grade*>(this)->find(id));
}

const GradeNode* Grade::outputNode() const {
    if (nodes.empty()) return nullptr;
    const GradeNode* node = find(output.empty() ? nodes.back().id : output);
    if (!node) throw Error("the grade's output '" + output + "' is not one of its nodes");
    return node;
}

std::vector<const GradeNode*> Grade::order() const {
    std::vector<const GradeNode*> order;
    const GradeNode* out = outputNode();
    if (!out) return order;
    enum State { Visiting, Done };
    std::map<std::string, State> state;
    std::function<void(const GradeNode&)> visit = [&](const GradeNode& n) {
        if (auto it = state.find(n.id); it != state.end()) {
            if (it->second == Visiting) throw Error("node '" + n.id + "' is part of a cycle");
            return;
        }
        state[n.id] = Visiting;
        const NodeType* type = findNodeType(n.type);
        if (!type) throw Error("node '" + n.id + "': unknown type '" + n.type + "'");
        if (n.inputs.size() < type->minInputs || n.inputs.size() > type->maxInputs) {
            const std::string range = type->minInputs == type->maxInputs
                                          ? std::to_string(type->minInputs)
                                          : std::to_string(type->minInputs) + " to " + std::to_string(type->maxInputs);
            throw Error("node '" + n.id + "' (" + n.type + ") has " + std::to_string(n.inputs.size()) + " inputs; it takes " + range);
        }
        for (const auto& input : n.inputs) {
            if (input == kSourceInput) continue;
            const GradeNode* from = find(input);
            if (!from) throw Error("node '" + n.id + "' takes its input from '" + input + "', which is not a node of the grade");
            visit(*from);
        }
        if (!n.matte.empty()) {
            const GradeNode* from = find(n.matte);
            if (!from) throw Error("node '" + n.id + "' takes its matte from '" + n.matte + "', which is not a node of the grade");
            const NodeType* matteType = findNodeType(from->type);
            if (!matteType || (matteType->kind != NodeKind::Matte && !matteType->makeMatteStep))
                throw Error("node '" + n.id + "' takes its matte from '" + n.matte + "', a " + from->type +
                            " node; mattes come from qualifier and window nodes and repairing nodes (dust)");
            visit(*from);
        }
        state[n.id] = Done;
        order.push_back(&n);
    };
    visit(*out);
    return order;
}

void Grade::validate() const {
    Grade each = *this;  // each node checked as if it were the output
    for (const auto& n : nodes) {
        each.output = n.id;
        each.order();
    }
    order();
}

std::string Grade::freshId() const {
    for (int i = 1;; ++i) {
        const std::string id = "n" + std::to_string(i);
        if (!find(id)) return id;
    }
}

GradeNode makeNode(const std::string& type, const std::string& id) {
    GradeNode n;
    n.id = id;
    n.type = type;
    const NodeType& t = requireType(type, "new node");
    n.params = defaultParams(t.params);
    if (t.minInputs == 0) n.inputs.clear();  // a window reads no image
    return n;
}

Grade gradeFromJson(const nlohmann::json& j, const std::string& where) {
    if (!j.is_object()) throw Error(where + ": a grade file is a JSON object");
    const int version = field<int>(j, "tinct_grade", where, 0, true);
    if (version < 1 || version > kGradeFormatVersion)
        throw Error(where + ": grade format version " + std::to_string(version) + " is not one this Tinct reads (1 to " +
                    std::to_string(kGradeFormatVersion) + ")");
    Grade g;
    if (!j.contains("nodes") || !j["nodes"].is_array()) throw Error(where + ": \"nodes\" must be an array");
    for (size_t i = 0; i < j["nodes"].size(); ++i) {
        GradeNode n = nodeFromJson(j["nodes"][i], where, i);
        if (g.find(n.id)) throw Error(where + ": node id '" + n.id + "' is used twice");
        g.nodes.push_back(std::move(n));
    }
    g.output = field<std::string>(j, "output", where, "");
    try {
        g.validate();
    } catch (const Error& e) {
        throw Error(where + ": " + e.what());
    }
    return g;
}

nlohmann::json gradeToJson(const Grade& g) {
    nlohmann::json nodes = nlohmann::json::array();
    for (const auto& n : g.nodes) {
        const NodeType& type = requireType(n.type, "grade");
        nlohmann::json params = nlohmann::json::object();
        for (const auto& d : type.params) params[d.name] = paramToJson(d, n.params.get(d.name));
        nlohmann::json node = {{"id", n.id}, {"type", n.type}, {"params", params}, {"inputs", n.inputs}};
        if (!n.matte.empty()) node["matte"] = n.matte;
        if (!n.label.empty()) node["label"] = n.label;
        if (n.bypass) node["bypass"] = true;
        if (n.opacity != 1.0) node["opacity"] = n.opacity;
        nodes.push_back(node);
    }
    nlohmann::json j = {{"tinct_grade", kGradeFormatVersion}, {"nodes", nodes}};
    if (!g.output.empty()) j["output"] = g.output;
    return j;
}

Grade loadGrade(const std::string& path) {
    std::ifstream file(path);
    if (!file) throw Error("grade " + path + ": cannot open");
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(file);
    } catch (const nlohmann::json::parse_error& e) {
        throw Error("grade " + path + ": not valid JSON: " + e.what());
    }
    return gradeFromJson(j, "grade " + path);
}

void saveGrade(const std::string& path, const Grade& grade) {
    writeTextAtomically(path, gradeToJson(grade).dump(2) + "\n");
}

}  // namespace tinct
