#include "app/gui/BackgroundRender.h"

#include <chrono>

#include "engine/Error.h"
#include "engine/gpu/GpuContext.h"
#include "engine/render/Progress.h"

namespace tinct {

BackgroundRender::~BackgroundRender() {
    cancel_ = true;
    wait();
}

void BackgroundRender::wait() {
    if (thread_.joinable()) thread_.join();
}

void BackgroundRender::start(RenderSettings settings) {
    if (running_) throw Error("a render is running; cancel it first");
    wait();
    cancel_ = false;
    running_ = true;
    {
        std::lock_guard lock(mutex_);
        status_ = {0, 0, "starting", false};
    }
    thread_ = std::thread([this, settings = std::move(settings)]() mutable {
        const auto start = std::chrono::steady_clock::now();
        settings.cancel = &cancel_;
        settings.progress = false;
        settings.onFrame = [&](size_t done, size_t total) {
            const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            std::lock_guard lock(mutex_);
            status_ = {done, total, Progress::line(done, total, seconds), false};
        };
        std::string ended;
        bool failed = false;
        try {
            GpuContext gpu;
            const RenderStats stats = runRender(gpu, settings);
            if (gpu.validationMessageCount() > 0) throw Error("Vulkan validation: " + gpu.lastValidationMessage());
            ended = "rendered " + std::to_string(stats.frames) + " frame(s) to " + settings.frames.outputPattern + " in " +
                    std::to_string(int(stats.wallSeconds + 0.5)) + " s";
        } catch (const std::exception& e) {
            ended = e.what();
            failed = true;
        }
        {
            std::lock_guard lock(mutex_);
            status_.text = ended;
            status_.failed = failed;
        }
        running_ = false;
    });
}

BackgroundRender::Status BackgroundRender::status() const {
    std::lock_guard lock(mutex_);
    return status_;
}

}  // namespace tinct
