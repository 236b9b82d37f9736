#include "engine/render/RenderJob.h"

#include <ImfStandardAttributes.h>
#include <ImfThreading.h>
#include <sched.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <exception>
#include <map>
#include <set>
#include <mutex>
#include <thread>

#include "engine/Error.h"
#include "engine/color/ExrChromaticities.h"
#include "engine/gpu/GpuContext.h"
#include "engine/graph/Evaluator.h"
#include "engine/io/ExrAttributes.h"
#include "engine/io/ExrWriter.h"
#include "engine/io/OutputDirectory.h"
#include "engine/media/FrameSource.h"
#include "engine/media/MediaKind.h"
#include "engine/media/MediaWriter.h"
#include "engine/media/MovieTiming.h"
#include "engine/render/FrameSubmitter.h"
#include "engine/render/Progress.h"
#include "engine/render/RepairLog.h"
#include "engine/render/RenderPipeline.h"

namespace tinct {

namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point start) { return std::chrono::duration<double, std::milli>(Clock::now() - start).count(); }

struct StageTotals {
    std::mutex mutex;
    double read = 0, write = 0;
    void add(double& stage, double ms) {
        std::lock_guard lock(mutex);
        stage += ms;
    }
};

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
            {"skipped_frames", skipped},  // runs [first, last] of missing frames passed over
            {"repairs", repairs}};
}

namespace {

// One reader or writer thread per core the process may use (a farm job's CPU set, not the node's),
// at most 8 each: more only adds frames in memory.
int defaultJobs() {
    cpu_set_t set;
    int cores = sched_getaffinity(0, sizeof set, &set) == 0 ? CPU_COUNT(&set) : int(std::thread::hardware_concurrency());
    return std::clamp(cores, 1, 8);
}

// A frame the GPU's buffers cannot hold is refused before anything is submitted.
void checkFits(const GpuContext& gpu, const Frame& frame, const std::string& path) {
    const VkDeviceSize bytes = VkDeviceSize(frame.pixelCount()) * 16;  // the float side of the kernel
    const VkDeviceSize limit = gpu.largestBuffer();
    if (frame.pixelCount() > UINT32_MAX || bytes > limit)
        throw Error(path + ": a " + std::to_string(frame.width) + "x" + std::to_string(frame.height) + " frame needs " +
                    std::to_string(bytes >> 20) + " MiB buffers; " + gpu.description().name + " allows " +
                    std::to_string(limit >> 20) + " MiB");
}

// EXR sources state their primaries in a chromaticities attribute; movies and scans say it, if at
// all, in tags that --input-colorspace must interpret.
SourceChromaticities sourceChromaticities(const FrameSource& source, const std::string& firstInput) {
    if (source.kind() != MediaKind::Exr) return [] { return std::optional<Chromaticities>(); };
    return [firstInput] { return exrChromaticities(firstInput); };
}

MediaWriterSettings mediaWriterSettings(const RenderSettings& settings, const FramePlan& plan, const FrameSource& source) {
    MediaWriterSettings m;
    m.output = plan.frames.front().output;
    m.request = settings.encode;
    m.colourConverted = settings.color.converts();
    if (!settings.color.output.empty()) m.tags = tagsForColorSpace(settings.color.output);
    else if (!settings.color.display.empty()) m.tags = tagsForColorSpace(settings.color.display);
    const MediaKind inputKind = source.kind();
    if (inputKind == MediaKind::Movie) {
        m.sourceMovie = *source.movie();
    } else if (inputKind != MediaKind::StillImage) {  // EXR frames say their rate and timecode
        const SequenceTiming timing = exrSequenceTiming(plan.frames.front().input);
        m.sequenceRate = timing.frameRate;
        m.sequenceTimecode = timing.timecode;
    }
    m.firstFrame = plan.frames.front().number;
    m.frameCount = int64_t(plan.frames.size());
    return m;
}

}  // namespace

std::string explainRender(const RenderSettings& settings) {
    const auto source = openFrameSource(settings.frames.inputPattern, {settings.layer, true});
    const FramePlan framePlan = planFrames(*source, settings.frames);
    const ColorPlan color = planColor(settings.color, sourceChromaticities(*source, framePlan.frames.front().input));
    const PointSteps steps = aroundGrade(color, settings.steps);
    std::string text = std::to_string(framePlan.frames.size()) + " frame(s): " + framePlan.frames.front().input +
                       (framePlan.frames.size() > 1 ? " .. " + framePlan.frames.back().input : "") + "\n";
    for (const auto& note : color.notes) text += note + "\n";
    text += planTime(PixelProgram::serial(steps)).describe();
    if (source->kind() != MediaKind::Exr)
        text += "before: decoded planes to RGBA on the GPU (the stream's matrix, range and chroma siting)\n";
    if (const MediaKind out = mediaKindOf(framePlan.frames.front().output); out == MediaKind::Movie || out == MediaKind::StillImage)
        text += "after: RGBA to the encoder's planes on the GPU; " + MediaWriter(mediaWriterSettings(settings, framePlan, *source)).describe() + "\n";
    return text;
}

RenderStats runRender(GpuContext& gpu, const RenderSettings& settings) {
    if (settings.pixelType == PixelType::Uint) throw Error("EXR output can be half or float, not uint");
    if (!settings.frames.inputPattern.empty() && mediaKindOf(settings.frames.inputPattern) == MediaKind::Movie &&
        !settings.layer.empty())
        throw Error("--layer is for EXR inputs");
    RenderStats stats;
    // Half sources stay half and movies stay planes: the GPU converts them, moving fewer bytes.
    const auto source = openFrameSource(settings.frames.inputPattern, {settings.layer, true});
    const FramePlan framePlan = planFrames(*source, settings.frames);
    const std::vector<PlannedFrame>& plan = framePlan.frames;
    stats.skipped = framePlan.skipped;
    const auto start = Clock::now();

    const int jobs = settings.jobs > 0 ? settings.jobs : defaultJobs();
    if (jobs > 64) throw Error("--jobs " + std::to_string(jobs) + ": at most 64 reader and writer threads each");
    // OpenEXR decompresses a file's line blocks on its own pool; our threads each take a file.
    Imf::setGlobalThreadCount(defaultJobs());

    const ColorPlan color = planColor(settings.color, sourceChromaticities(*source, plan.front().input));
    tellUser(color, settings.log);
    // Movies and DPX/TIFF/PNG outputs are encoded by FFmpeg from planes the GPU lays out.
    const MediaKind outputKind = mediaKindOf(plan.front().output);
    std::unique_ptr<MediaWriter> media;
    if (outputKind == MediaKind::Movie || outputKind == MediaKind::StillImage) {
        media = std::make_unique<MediaWriter>(mediaWriterSettings(settings, framePlan, *source));
        if (settings.log) settings.log("writing " + media->describe());
    }
    Evaluator evaluator(gpu, aroundGrade(color, settings.steps), *source);
    // The source frames in the order they are first needed: the frames themselves, and for a grade
    // with temporal steps each frame's neighbours too (a chunk of a farm job reads its context).
    std::vector<int64_t> sourceOrder;
    {
        std::set<int64_t> seen;
        const int reach = int(evaluator.reach());
        for (const auto& p : plan)
            for (int j = -reach; j <= reach; ++j)
                if (const int64_t f = source->neighbour(p.sourceFrame, j); seen.insert(f).second) sourceOrder.push_back(f);
    }

    const OutputDirectory outputDirectory(std::filesystem::path(plan.front().output).parent_path());
    RenderPipeline pipeline(size_t(jobs) + 2);
    StageTotals totals;
    Progress progress(plan.size(), settings.progress);
    std::mutex progressMutex;
    std::atomic<size_t> written{0};

    auto reader = [&](std::atomic<size_t>& next) {
        for (size_t i; (i = next++) < sourceOrder.size();) {
            if (!pipeline.waitToRead(i)) return;
            try {
                const auto t0 = Clock::now();
                Frame frame = pipeline.recycledFrame();
                source->read(sourceOrder[i], frame);
                checkFits(gpu, frame, source->fileOf(sourceOrder[i]));
                totals.add(totals.read, msSince(t0));
                pipeline.putRead(i, std::move(frame));
            } catch (...) {
                pipeline.failRead(i, std::current_exception());  // the frames before it are still written
                return;
            }
        }
    };
    auto writer = [&] {
        try {
            while (auto item = pipeline.takeWrite()) {
                const auto t0 = Clock::now();
                if (media) {
                    media->write(plan[item->first].output, item->second);
                } else {
                    ExrWriteOptions options{outputType(settings, item->second), settings.compression};
                    if (color.retagChromaticities)
                        item->second.attributes = retagged(item->second.attributes, color.outputChromaticities);
                    writeExr(plan[item->first].output, item->second, options);
                }
                written++;
                totals.add(totals.write, msSince(t0));
                pipeline.recycle(std::move(item->second));
                std::lock_guard lock(progressMutex);
                progress.frameDone();
                if (settings.onFrame) settings.onFrame(written.load(), plan.size());
            }
        } catch (...) {
            pipeline.fail(std::current_exception());
        }
    };

    // The GPU thread (this one). Source frames come from the readers in sourceOrder; a frame asked
    // for again after the ring gave it up is read here.
    std::map<int64_t, Frame> arrived;  // read ahead of their turn
    std::map<int64_t, Frame> infoOf;   // size and attributes of source frames whose outputs are to come
    size_t taken = 0;
    auto remember = [&](int64_t f, const Frame& frame) {
        Frame info;
        copyFrameInfo(frame, info);
        infoOf[f] = std::move(info);
    };
    auto obtain = [&](int64_t f) -> Frame {
        if (auto at = arrived.find(f); at != arrived.end()) {
            Frame frame = std::move(at->second);
            arrived.erase(at);
            return frame;
        }
        while (taken < sourceOrder.size()) {
            const size_t i = taken++;
            std::optional<Frame> frame = pipeline.takeRead(i);  // throws for a frame that could not be read
            if (!frame) throw Error("render stopped");
            remember(sourceOrder[i], *frame);
            if (sourceOrder[i] == f) return std::move(*frame);
            arrived[sourceOrder[i]] = std::move(*frame);
        }
        Frame frame = pipeline.recycledFrame();
        source->read(f, frame);
        remember(f, frame);
        return frame;
    };
    FrameSubmitter submitter(
        gpu, evaluator, [&] { return pipeline.recycledFrame(); }, [&](Frame f) { pipeline.recycle(std::move(f)); },
        [&](size_t index, Frame frame) { return pipeline.putWrite(index, std::move(frame)); });
    std::map<int64_t, int> frameNumbers;
    for (const auto& p : plan) frameNumbers[p.sourceFrame] = p.number;
    RepairLog repairs(settings.countRepairs, std::move(frameNumbers));
    if (!repairs.empty()) submitter.countRepairs(repairs.steps(), [&](const RepairTally& t) { repairs.add(t); });
    auto cancelled = [&] { return settings.cancel && settings.cancel->load(); };

    std::atomic<size_t> nextRead{0};
    std::vector<std::thread> threads;
    std::exception_ptr readFailure;
    try {
        for (int t = 0; t < jobs; ++t) {
            if (t == 0 || source->parallelReads()) threads.emplace_back(reader, std::ref(nextRead));
            if (t == 0 || !media || media->parallelWrites()) threads.emplace_back(writer);
        }
        bool planes = false;
        for (size_t k = 0; k < plan.size() && !pipeline.failed(); ++k) {
            if (cancelled()) throw Error("render cancelled after " + std::to_string(written.load()) + " frames");
            const int64_t n = plan[k].sourceFrame;
            try {
                if (!infoOf.count(n)) {  // its own source frame comes first when the ring did not need it yet
                    Frame own = obtain(n);
                    arrived[n] = std::move(own);
                }
                const Frame& info = infoOf.at(n);
                planes = planes || info.storage == PixelStorage::Planes;
                const FrameFormats formats{info.storage == PixelStorage::Half, !media && outputType(settings, info) == PixelType::Half};
                const auto layout = media ? media->layoutFor(info.width, info.height, info.hasAlpha) : nullptr;
                if (!submitter.submit(k, n, info, formats, layout, obtain)) break;
                infoOf.erase(n);
            } catch (const Error&) {  // a frame that cannot be read: the frames before it are finished first
                readFailure = std::current_exception();
                submitter.finish();
                break;
            }
            stats.dispatchesPerFrame = std::max<int>(stats.dispatchesPerFrame, int(evaluator.dispatchesPerFrame(planes)) + (media ? 1 : 0));
        }
        if (!readFailure && !pipeline.failed()) submitter.finish();
    } catch (...) {
        pipeline.fail(std::current_exception());
    }
    pipeline.closeWrites();
    for (auto& t : threads) t.join();
    if (readFailure) pipeline.fail(readFailure);
    if (media && !pipeline.failed()) {
        try {
            media->finish();  // a movie appears only now, complete
        } catch (...) {
            pipeline.fail(std::current_exception());
        }
    }
    progress.finish();
    if (pipeline.failed() && written == 0) outputDirectory.removeIfEmpty();
    pipeline.rethrow();

    const double n = double(plan.size());
    stats.frames = plan.size();
    stats.readMs = totals.read / n;
    stats.writeMs = totals.write / n;
    stats.uploadMs = submitter.times().uploadMs / n;
    stats.downloadMs = submitter.times().downloadMs / n;
    stats.gpuMs = submitter.times().gpuMs / n;
    stats.wallSeconds = std::chrono::duration<double>(Clock::now() - start).count();
    stats.repairs = repairs.toJson();
    return stats;
}

}  // namespace tinct
