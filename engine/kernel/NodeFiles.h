#pragma once
// Where a node's file parameter points: a relative path is the grade file's neighbour, as the user
// wrote it beside the grade, not the working directory's.
#include <filesystem>
#include <string>

#include "engine/kernel/NodeType.h"

namespace tinct {

inline std::string nodeFilePath(const NodeContext& context, const std::string& file) {
    std::filesystem::path path(file);
    if (path.is_relative() && !context.baseDirectory.empty()) path = std::filesystem::path(context.baseDirectory) / path;
    return path.string();
}

}  // namespace tinct
