#pragma once
// Progress of a long render on stderr: frames done, frames per second, time left. On a terminal
// one line is redrawn in place; otherwise (logs, farm jobs) a line is printed every few seconds.
#include <chrono>
#include <cstdio>
#include <string>

namespace tinct {

class Progress {
public:
    Progress(size_t totalFrames, bool enabled, std::FILE* out = stderr);
    void frameDone();
    void finish();

    // "37/100 frames  12.3 fps  elapsed 0:03  left 0:05" — public for tests.
    static std::string line(size_t done, size_t total, double seconds);

private:
    size_t total_, done_ = 0;
    bool enabled_, terminal_;
    std::FILE* out_;
    std::chrono::steady_clock::time_point start_, lastPrint_;
};

}  // namespace tinct
