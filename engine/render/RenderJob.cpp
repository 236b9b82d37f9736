#include "engine/render/RenderJob.h"

#include <ImfStandardAttributes.h>
#include <ImfThreading.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <filesystem>
#include <exception>
#include <map>
#include <mutex>
#include <thread>

#include "engine/Error.h"
#include "engine/gpu/FrameSlots.h"
#include "engine/gpu/GpuContext.h"
#include "engine/graph/FusedKernel.h"
#include "engine/io/ExrAttributes.h"
#include "engine/io/ExrInfo.h"
#include "engine/io/ExrReader.h"
#include "engine/io/ExrWriter.h"
#include "engine/render/Progress.h"

namespace tinct {

namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point start) { return std::chrono::duration<double, std::milli>(Clock::now() - start).count(); }

// Shared between the reader, GPU and writer threads: the first error stops everyone.
class Pipeline {
public:
    explicit Pipeline(size_t lookahead) : lookahead_(lookahead) {}

    void fail(std::exception_ptr error) {
        std::lock_guard lock(mutex_);
        if (!error_) error_ = error;
        cv_.notify_all();
    }
    bool failed() {
        std::lock_guard lock(mutex_);
        return bool(error_);
    }
    void rethrow() {
        if (error_) std::rethrow_exception(error_);
    }

    // Readers: wait until frame `index` is within the look-ahead window, then hand it over.
    bool waitToRead(size_t index) {
        std::unique_lock lock(mutex_);
        cv_.wait(lock, [&] { return error_ || index < consumed_ + lookahead_; });
        return !error_;
    }
    void putRead(size_t index, Frame frame) {
        std::lock_guard lock(mutex_);
        read_.emplace(index, std::move(frame));
        cv_.notify_all();
    }
    // GPU thread: frames in order.
    std::optional<Frame> takeRead(size_t index) {
        std::unique_lock lock(mutex_);
        cv_.wait(lock, [&] { return error_ || read_.count(index); });
        if (error_) return std::nullopt;
        Frame f = std::move(read_.at(index));
        read_.erase(index);
        consumed_ = index + 1;
        cv_.notify_all();
        return f;
    }

    // Frames whose pixels were written, to be read into again: no allocation or page faults per
    // frame once the pipeline is full.
    Frame recycledFrame() {
        std::lock_guard lock(mutex_);
        if (free_.empty()) return Frame{};
        Frame f = std::move(free_.back());
        free_.pop_back();
        return f;
    }
    void recycle(Frame frame) {
        std::lock_guard lock(mutex_);
        free_.push_back(std::move(frame));
    }

    // GPU thread -> writers, bounded so graded frames cannot pile up in memory.
    bool putWrite(size_t index, Frame frame) {
        std::unique_lock lock(mutex_);
        cv_.wait(lock, [&] { return error_ || toWrite_.size() < lookahead_; });
        if (error_) return false;
        toWrite_.emplace_back(index, std::move(frame));
        cv_.notify_all();
        return true;
    }
    void closeWrites() {
        std::lock_guard lock(mutex_);
        writesClosed_ = true;
        cv_.notify_all();
    }
    std::optional<std::pair<size_t, Frame>> takeWrite() {
        std::unique_lock lock(mutex_);
        cv_.wait(lock, [&] { return error_ || !toWrite_.empty() || writesClosed_; });
        if (error_ || toWrite_.empty()) return std::nullopt;
        auto item = std::move(toWrite_.front());
        toWrite_.pop_front();
        cv_.notify_all();
        return item;
    }

private:
    std::mutex mutex_;
    std::condition_variable cv_;
    std::exception_ptr error_;
    size_t lookahead_;
    size_t consumed_ = 0;
    std::map<size_t, Frame> read_;
    std::deque<std::pair<size_t, Frame>> toWrite_;
    std::vector<Frame> free_;
    bool writesClosed_ = false;
};

struct StageTotals {
    std::mutex mutex;
    double read = 0, write = 0;
    void add(double& stage, double ms) {
        std::lock_guard lock(mutex);
        stage += ms;
    }
};

// The chromaticities attribute of an EXR, as `tinct info` reads it (headers only).
std::optional<Chromaticities> exrChromaticities(const std::string& path) {
    const auto attributes = describeExr(path)["parts"][0]["attributes"];
    if (!attributes.contains("chromaticities")) return std::nullopt;
    const auto& c = attributes["chromaticities"];
    return Chromaticities{c["red"][0], c["red"][1], c["green"][0], c["green"][1],
                          c["blue"][0], c["blue"][1], c["white"][0], c["white"][1]};
}

// The source's attributes with the chromaticities of the colour-managed output instead.
std::shared_ptr<const ExrAttributes> retagged(const std::shared_ptr<const ExrAttributes>& source,
                                              const std::optional<Chromaticities>& xy) {
    auto out = std::make_shared<ExrAttributes>(source ? *source : ExrAttributes{});
    if (xy)  // replaces an existing attribute in place (Header::erase leaks in OpenEXR 3.1)
        Imf::addChromaticities(out->header, Imf::Chromaticities({xy->redX, xy->redY}, {xy->greenX, xy->greenY},
                                                                {xy->blueX, xy->blueY}, {xy->whiteX, xy->whiteY}));
    else if (Imf::hasChromaticities(out->header))
        out->header.erase("chromaticities");
    return out;
}

PixelType outputType(const RenderSettings& settings, const Frame& source) {
    if (settings.pixelType) return *settings.pixelType;
    return source.sourcePixelType == PixelType::Half ? PixelType::Half : PixelType::Float;
}

}  // namespace

nlohmann::json RenderStats::toJson() const {
    return {{"frames", frames},
            {"dispatches_per_frame", dispatchesPerFrame},
            {"stage_ms", {{"read", readMs}, {"upload", uploadMs}, {"gpu", gpuMs}, {"download", downloadMs}, {"write", writeMs}}},
            {"wall_seconds", wallSeconds},
            {"skipped_frames", skipped}};
}

RenderStats runRender(GpuContext& gpu, const RenderSettings& settings) {
    if (settings.pixelType == PixelType::Uint) throw Error("EXR output can be half or float, not uint");
    RenderStats stats;
    const auto plan = planFrames(settings.frames, &stats.skipped);
    const auto outputDirectory = std::filesystem::path(plan.front().output).parent_path();
    if (!outputDirectory.empty()) std::filesystem::create_directories(outputDirectory);
    const auto start = Clock::now();

    const int cores = int(std::max(1u, std::thread::hardware_concurrency()));
    const int jobs = settings.jobs > 0 ? settings.jobs : cores;
    // OpenEXR decompresses a file's line blocks on its own pool; our threads each take a file.
    Imf::setGlobalThreadCount(cores);

    const ColorPlan color = planColor(settings.color, [&] { return exrChromaticities(plan.front().input); });
    if (settings.log)
        for (const auto& note : color.notes) settings.log(note);
    PointSteps steps = color.toWorking;
    steps.insert(steps.end(), settings.steps.begin(), settings.steps.end());
    steps.insert(steps.end(), color.fromWorking.begin(), color.fromWorking.end());
    FusedKernel kernel(gpu, steps);
    constexpr size_t kSlots = 2;  // the GPU runs one frame while the host fills and empties the other
    // Of the frame being submitted; read while its commands are recorded.
    uint32_t submitPixels = 0;
    FrameFormats submitFormats;
    FrameSlots slots(gpu, kSlots, [&](VkCommandBuffer cmd, VkBuffer src, VkBuffer dst) {
        kernel.record(cmd, src, dst, submitPixels, submitFormats);
    });

    Pipeline pipeline(size_t(jobs) + kSlots);
    StageTotals totals;
    Progress progress(plan.size(), settings.progress);
    std::mutex progressMutex;

    std::atomic<size_t> nextRead{0};
    std::vector<std::thread> readers, writers;
    for (int t = 0; t < jobs; ++t)
        readers.emplace_back([&] {
            try {
                for (size_t i; (i = nextRead++) < plan.size();) {
                    if (!pipeline.waitToRead(i)) return;
                    const auto t0 = Clock::now();
                    Frame frame = pipeline.recycledFrame();
                    // Half sources stay half: the GPU converts them, at half the bytes moved.
                    readExrInto(plan[i].input, {settings.layer, true}, frame);
                    totals.add(totals.read, msSince(t0));
                    pipeline.putRead(i, std::move(frame));
                }
            } catch (...) {
                pipeline.fail(std::current_exception());
            }
        });
    for (int t = 0; t < jobs; ++t)
        writers.emplace_back([&] {
            try {
                while (auto item = pipeline.takeWrite()) {
                    const auto t0 = Clock::now();
                    ExrWriteOptions options{outputType(settings, item->second), settings.compression};
                    if (color.retagChromaticities)
                        item->second.attributes = retagged(item->second.attributes, color.outputChromaticities);
                    writeExr(plan[item->first].output, item->second, options);
                    totals.add(totals.write, msSince(t0));
                    pipeline.recycle(std::move(item->second));
                    std::lock_guard lock(progressMutex);
                    progress.frameDone();
                }
            } catch (...) {
                pipeline.fail(std::current_exception());
            }
        });

    // The GPU thread (this one): slot k % 2 takes frame k once its previous frame is collected.
    std::vector<Frame> inFlight(kSlots);
    std::vector<size_t> inFlightIndex(kSlots);
    std::vector<bool> halfOutput(kSlots);
    auto collect = [&](size_t slot) {
        const void* pixels = slots.wait(slot);
        stats.gpuMs += slots.gpuMilliseconds(slot).value_or(0.0);
        const auto t0 = Clock::now();
        Frame& out = inFlight[slot];  // the source frame's metadata, its pixels replaced by the grade
        out.storage = halfOutput[slot] ? PixelStorage::Half : PixelStorage::Float;
        if (halfOutput[slot]) out.rgbaHalf.resize(out.pixelCount() * 4);
        else out.rgba.resize(out.pixelCount() * 4);
        std::memcpy(out.pixels(), pixels, out.pixelCount() * out.bytesPerPixel());
        stats.downloadMs += msSince(t0);
        return pipeline.putWrite(inFlightIndex[slot], std::move(out));
    };
    try {
        for (size_t k = 0; k < plan.size() && !pipeline.failed(); ++k) {
            const size_t slot = k % kSlots;
            if (slots.busy(slot) && !collect(slot)) break;
            std::optional<Frame> frame = pipeline.takeRead(k);
            if (!frame) break;
            const size_t inputBytes = frame->pixelCount() * frame->bytesPerPixel();
            const auto t0 = Clock::now();
            std::memcpy(slots.input(slot, inputBytes), frame->pixels(), inputBytes);
            stats.uploadMs += msSince(t0);
            submitPixels = uint32_t(frame->pixelCount());
            submitFormats = {frame->storage == PixelStorage::Half, outputType(settings, *frame) == PixelType::Half};
            kernel.prepare(submitFormats);
            halfOutput[slot] = submitFormats.destinationHalf;
            inFlight[slot] = std::move(*frame);
            inFlightIndex[slot] = k;
            slots.submit(slot, size_t(submitPixels) * (submitFormats.destinationHalf ? 8 : 16));
            stats.dispatchesPerFrame = std::max<int>(stats.dispatchesPerFrame, kernel.dispatchesFor(submitPixels));
        }
        for (size_t k = 0; k < kSlots; ++k) {
            const size_t slot = (plan.size() + k) % kSlots;  // oldest first
            if (slots.busy(slot) && !pipeline.failed()) collect(slot);
        }
    } catch (...) {
        pipeline.fail(std::current_exception());
    }
    pipeline.closeWrites();
    for (auto& t : readers) t.join();
    for (auto& t : writers) t.join();
    progress.finish();
    pipeline.rethrow();

    const double n = double(plan.size());
    stats.frames = plan.size();
    stats.readMs = totals.read / n;
    stats.writeMs = totals.write / n;
    stats.uploadMs /= n;
    stats.downloadMs /= n;
    stats.gpuMs /= n;
    stats.wallSeconds = std::chrono::duration<double>(Clock::now() - start).count();
    return stats;
}

}  // namespace tinct
