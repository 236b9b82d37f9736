#pragma once
// A render started from the station: the engine's RenderJob on a thread of its own with a GPU
// context of its own (Vulkan queues are not shared across threads), reporting frames done, fps and
// time left, and stopping between frames when cancelled.
#include <atomic>
#include <mutex>
#include <string>
#include <thread>

#include "engine/render/RenderJob.h"

namespace tinct {

class BackgroundRender {
public:
    ~BackgroundRender();  // cancels a running render and waits for it

    // Throws tinct::Error while one is running.
    void start(RenderSettings settings);
    void cancel() { cancel_ = true; }
    bool running() const { return running_; }
    void wait();

    struct Status {
        size_t done = 0, total = 0;
        std::string text;  // "12/48 frames  3.1 fps  elapsed 0:04  left 0:11", or how it ended
        bool failed = false;
    };
    Status status() const;

private:
    std::thread thread_;
    std::atomic<bool> cancel_{false}, running_{false};
    mutable std::mutex mutex_;
    Status status_;
};

}  // namespace tinct
