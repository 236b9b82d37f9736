#pragma once
// The directory a job writes into, made before any work so that a path that cannot work fails
// first; a job that fails before writing anything removes again what it made (and only that).
#include <filesystem>

namespace tinct {

class OutputDirectory {
public:
    // Creates `directory` and the parents it lacks; throws tinct::Error naming it when it cannot.
    explicit OutputDirectory(std::filesystem::path directory);
    // Removes the directories this made, deepest first, as long as they are empty.
    void removeIfEmpty() const;

private:
    std::filesystem::path directory_;
    std::filesystem::path topmost_;  // the highest directory made here; empty when it existed
};

}  // namespace tinct
