#include "engine/io/OutputDirectory.h"

#include "engine/Error.h"

namespace fs = std::filesystem;

namespace tinct {

OutputDirectory::OutputDirectory(fs::path directory) : directory_(std::move(directory)) {
    if (directory_.empty() || fs::is_directory(directory_)) return;
    fs::path topmost = directory_;
    while (!topmost.parent_path().empty() && !fs::exists(topmost.parent_path())) topmost = topmost.parent_path();
    std::error_code ec;
    fs::create_directories(directory_, ec);
    if (ec || !fs::is_directory(directory_))
        throw Error(directory_.string() + ": cannot create the output directory" + (ec ? ": " + ec.message() : std::string()));
    topmost_ = topmost;
}

void OutputDirectory::removeIfEmpty() const {
    if (topmost_.empty()) return;
    std::error_code ignored;
    for (fs::path d = directory_; !d.empty(); d = d.parent_path())
        if (!fs::remove(d, ignored) || d == topmost_) break;
}

}  // namespace tinct
