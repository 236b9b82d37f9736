#pragma once
// A grade: the node graph a colorist builds, as saved in a grade file (docs/grade-format.md).
// Nodes take their inputs from other nodes or the source: serial chains, parallel and layer mixers
// joining branches, and mattes (from qualifier and window nodes) limiting where a node applies.
// Every node can be bypassed and mixes with its input by its opacity (times its matte).
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/kernel/Parameter.h"

namespace tinct {

constexpr int kGradeFormatVersion = 2;
constexpr const char* kSourceInput = "source";

struct GradeNode {
    std::string id, type, label;
    NodeParams params;
    std::vector<std::string> inputs = {kSourceInput};
    std::string matte;  // a qualifier or window node whose matte limits this node; empty: none
    bool bypass = false;
    double opacity = 1.0;
    bool operator==(const GradeNode&) const = default;
};

struct Grade {
    std::vector<GradeNode> nodes;
    std::string output;  // the node whose result is the grade's; empty: the last node
    bool operator==(const Grade&) const = default;

    const GradeNode* find(const std::string& id) const;
    GradeNode* find(const std::string& id);
    // The nodes the output depends on (through inputs and mattes), each after everything it takes.
    // Throws tinct::Error naming the node for a dangling input or matte, a cycle, a matte taken from
    // a node that makes none, or the wrong number of inputs for the node's type.
    std::vector<const GradeNode*> order() const;
    // Checks every node, not only those the output uses, as order() does. Throws tinct::Error.
    void validate() const;
    // The output node: `output`, or the last node listed. Null for an empty grade.
    const GradeNode* outputNode() const;
    // A node id not used yet: "n1", "n2", ...
    std::string freshId() const;
};

// Reads and checks a grade (every field, type, range and reference); `where` names the file in
// errors: "<where>: node 'n2' (lut): params.file: ...".
Grade gradeFromJson(const nlohmann::json& json, const std::string& where);
nlohmann::json gradeToJson(const Grade& grade);

Grade loadGrade(const std::string& path);
// Atomic: a complete file or none.
void saveGrade(const std::string& path, const Grade& grade);

// A node of `type` with its declared defaults.
GradeNode makeNode(const std::string& type, const std::string& id);

}  // namespace tinct
