#pragma once
#include <filesystem>
#include <string>

namespace tinct::test {

// A fresh directory under the system temp dir, removed with everything in it when destroyed.
class TempDir {
public:
    TempDir();
    ~TempDir();
    const std::filesystem::path& path() const { return path_; }
    std::string file(const std::string& name) const { return (path_ / name).string(); }

private:
    std::filesystem::path path_;
};

}  // namespace tinct::test
