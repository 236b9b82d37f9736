#pragma once
// A grade: the node graph a colorist builds, as saved in a grade file (docs/grade-format.md).
// This version runs serial chains of point nodes; each node has one input (another node or the
// source), can be bypassed, and mixes with its input by its opacity.
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/graph/Parameter.h"

namespace tinct {

constexpr int kGradeFormatVersion = 1;
constexpr const char* kSourceInput = "source";

struct GradeNode {
    std::string id, type, label;
    NodeParams params;
    std::vector<std::string> inputs = {kSourceInput};
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
    // The nodes from the source to the output, in the order they apply. Throws tinct::Error for a
    // dangling input, a cycle, or a node with several inputs (mixers come in a later version).
    std::vector<const GradeNode*> chain() const;
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
