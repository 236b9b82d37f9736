#include "app/gui/BackgroundRepairCount.h"

#include <chrono>

#include "engine/Error.h"
#include "engine/gpu/GpuContext.h"
#include "engine/render/Progress.h"

namespace tinct {

BackgroundRepairCount::~BackgroundRepairCount() { stop(); }

void BackgroundRepairCount::stop() {
    cancel_ = true;
    wait();
}

void BackgroundRepairCount::wait() {
    if (thread_.joinable()) thread_.join();
}

void BackgroundRepairCount::start(RepairScanSettings settings) {
    stop();
    cancel_ = false;
    running_ = true;
    {
        std::lock_guard lock(mutex_);
        status_ = {{}, 0, 0, "counting repairs", false};
    }
    thread_ = std::thread([this, settings = std::move(settings)]() mutable {
        const auto start = std::chrono::steady_clock::now();
        settings.cancel = &cancel_;
        std::string ended;
        bool failed = false;
        try {
            GpuContext gpu;
            RepairScan scan(gpu, settings);
            uint64_t total = 0;
            size_t repaired = 0;
            scan.run([&](const ScannedFrame& f) {
                const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
                total += f.repairs, repaired += f.repairs > 0;
                std::lock_guard lock(mutex_);
                status_.repairs[f.number] = f.repairs;
                status_.done = f.index + 1, status_.total = scan.numbers().size();
                status_.text = "counting repairs " + Progress::line(status_.done, status_.total, seconds);
            });
            if (gpu.validationMessageCount() > 0) throw Error("Vulkan validation: " + gpu.lastValidationMessage());
            ended = std::to_string(total) + " repairs in " + std::to_string(repaired) + " of " +
                    std::to_string(scan.numbers().size()) + " frames";
        } catch (const std::exception& e) {
            ended = std::string("repairs: ") + e.what();
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

BackgroundRepairCount::Status BackgroundRepairCount::status() const {
    std::lock_guard lock(mutex_);
    return status_;
}

}  // namespace tinct
