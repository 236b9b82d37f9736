#pragma once
// An output file that appears at its final path complete or not at all. Writers write to
// tempPath(), then commit(); if anything throws before that, the destructor removes the
// temporary, so a failed render never leaves a partial frame that a resumed job would skip.
#include <filesystem>
#include <string>

namespace tinct {

class AtomicOutput {
public:
    // Picks a hidden temporary in the same directory as finalPath (a rename is only atomic
    // within one file system). Nothing is created on disk yet.
    explicit AtomicOutput(std::filesystem::path finalPath);
    ~AtomicOutput();

    AtomicOutput(const AtomicOutput&) = delete;
    AtomicOutput& operator=(const AtomicOutput&) = delete;

    const std::filesystem::path& tempPath() const { return temp_; }
    const std::filesystem::path& finalPath() const { return final_; }

    // Renames the finished temporary over finalPath; throws tinct::Error if that fails, in
    // which case the temporary is still removed by the destructor.
    void commit();

private:
    std::filesystem::path final_;
    std::filesystem::path temp_;
    bool committed_ = false;
};

// Writes `text` to `path` through an AtomicOutput: the whole file or none. Throws tinct::Error
// naming the path.
void writeTextAtomically(const std::string& path, const std::string& text);

}  // namespace tinct
