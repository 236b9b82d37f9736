#pragma once
#include <filesystem>
#include <string>
#include <vector>

namespace tinct::test {

// A fresh directory under the system temp dir, named after the running test, removed with
// everything in it when destroyed.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::string file(const std::string& name) const { return (path_ / name).string(); }
    // Names of everything in the directory, hidden files included, sorted.
    std::vector<std::string> entries() const;

private:
    std::filesystem::path path_;
};

}  // namespace tinct::test
