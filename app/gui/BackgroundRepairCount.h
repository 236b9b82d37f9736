#pragma once
// The clip bar's repairs per frame: the grade's repairing nodes run over the clip on a thread of its
// own with a GPU context of its own (as a background render does), each frame's count published as
// it is made, so the bar fills in while the artist goes on working. Starting again (a new grade)
// cancels the count under way.
#include <atomic>
#include <map>
#include <mutex>
#include <string>
#include <thread>

#include "engine/render/RepairScan.h"

namespace tinct {

class BackgroundRepairCount {
public:
    ~BackgroundRepairCount();  // cancels a running count and waits for it

    void start(RepairScanSettings settings);
    bool running() const { return running_; }
    void wait();

    struct Status {
        std::map<int64_t, uint64_t> repairs;  // frame number -> repairs, of the frames counted so far
        size_t done = 0, total = 0;
        std::string text;  // "counting repairs 12/48 frames ...", or how it ended
        bool failed = false;
    };
    Status status() const;

private:
    void stop();

    std::thread thread_;
    std::atomic<bool> cancel_{false}, running_{false};
    mutable std::mutex mutex_;
    Status status_;
};

}  // namespace tinct
