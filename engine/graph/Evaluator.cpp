#include "engine/graph/Evaluator.h"

#include <algorithm>
#include <cstdlib>

#include "engine/Error.h"
#include "engine/gpu/ComputeKernel.h"
#include "engine/gpu/GpuContext.h"
#include "engine/graph/RepairTally.h"
#include "engine/media/FrameSource.h"
#include "engine/media/YuvToRgb.h"

namespace tinct {

namespace {

std::string mib(uint64_t bytes) { return std::to_string((bytes + (1 << 20) - 1) >> 20) + " MiB"; }

}  // namespace

uint64_t EvaluatorOptions::budgetFromEnvironment(const GpuContext& gpu) {
    if (const char* mb = std::getenv("TINCT_GPU_MEMORY_MB"); mb && *mb) {
        char* end = nullptr;
        const unsigned long long value = std::strtoull(mb, &end, 10);
        if (*end || value == 0) throw Error(std::string("TINCT_GPU_MEMORY_MB must be a whole number of MiB, got '") + mb + "'");
        return uint64_t(value) << 20;
    }
    return gpu.deviceMemory() / 2;
}

Evaluator::Evaluator(GpuContext& gpu, const PointSteps& steps, const FrameSource& clip, EvaluatorOptions options)
    : gpu_(gpu), clip_(clip), options_(options), plan_(planTime(PixelProgram::serial(steps))), ring_(gpu) {
    for (const auto& p : plan_.parts) parts_.push_back({std::make_unique<FrameProgram>(gpu, p.program)});
    for (const auto& s : plan_.steps) {
        s.frame->checkFrames(clip.frames());
        temporals_.push_back({s.frame->makeKernel(gpu), {}});
    }
    if (plan_.keepsSource()) keepSource_ = std::make_unique<FusedKernel>(gpu, PixelProgram{});
    budget_ = options_.memoryBudget ? options_.memoryBudget : EvaluatorOptions::budgetFromEnvironment(gpu);
}

Evaluator::~Evaluator() = default;

uint64_t Evaluator::frameBytes(size_t value) const {
    return uint64_t(width_) * height_ * bytesPerPixel(plan_.values[value].kind);
}

FrameFormats Evaluator::partFormats(size_t part, bool sourceHalf) const {
    if (part == 0) return {sourceHalf, formats_.destinationHalf, FrameKind::Rgba};
    for (const auto& v : plan_.values)
        if (v.part == int(part)) return {sourceHalf, false, v.kind};
    return {sourceHalf, false, FrameKind::Rgba};
}

void Evaluator::prepare(uint32_t width, uint32_t height, FrameFormats formats) {
    formats_ = formats;
    if (width != width_ || height != height_) {
        width_ = width, height_ = height;
        if (temporal()) {
            const uint64_t need = plan_.footprintBytes(width, height);
            if (need > budget_)
                throw Error("the grade's temporal steps need " + std::to_string(plan_.footprintFrames()) + " frames of " +
                            std::to_string(width) + "x" + std::to_string(height) + " on the GPU at once (" + mib(need) +
                            "), more than the " + mib(budget_) + " allowed (TINCT_GPU_MEMORY_MB)");
            ring_.reset(std::min(budget_, need + options_.keepFrames * plan_.bytesPerFrame(width, height)));
        }
        for (auto& t : temporals_) t.output = GpuBuffer();
        converted_ = GpuBuffer();
    }
    for (size_t p = 0; p < parts_.size(); ++p) {
        const TemporalPart& part = plan_.parts[p];
        // A part reads the upload as it is when nothing in time comes before it; else the ring's frames.
        const bool fromUpload = !temporal() || (p > 0 && part.fromSourceAlone());
        if (fromUpload) parts_[p].program->prepare(partFormats(p, formats.sourceHalf), width, height);
        if (temporal()) parts_[p].program->prepare(partFormats(p, false), width, height);
    }
    for (size_t t = 0; t < temporals_.size(); ++t) {
        temporals_[t].kernel->prepare(width, height);
        const size_t bytes = size_t(width) * height * bytesPerPixel(plan_.steps[t].frame->outputKind());
        if (temporals_[t].output.size() < bytes) temporals_[t].output = GpuBuffer(gpu_, bytes, BufferUse::Device);
    }
    if (keepSource_) {
        keepSource_->prepare({formats.sourceHalf, false});
        keepSource_->prepare({false, false});
    }
}

std::vector<int64_t> Evaluator::beginFrame(int64_t n) {
    intake_.clear();
    if (!temporal()) return {n};
    std::vector<std::pair<size_t, int64_t>> planned;
    planPart(0, n, planned);
    std::vector<int64_t> frames;
    for (const auto& [frame, intake] : intake_) frames.push_back(frame);
    return frames;
}

void Evaluator::plan(size_t value, int64_t frame, std::vector<std::pair<size_t, int64_t>>& planned) {
    if (ring_.find(value, frame, true)) return;  // held: pinned until the frame is recorded
    if (std::find(planned.begin(), planned.end(), std::make_pair(value, frame)) != planned.end()) return;
    planned.push_back({value, frame});
    if (value == 0) {
        intake_[frame].keep = true;
        return;
    }
    const size_t part = size_t(plan_.values[value].part);
    if (plan_.parts[part].fromSourceAlone()) {
        if (ring_.find(0, frame, true)) return;  // made from the kept source when the frame is recorded
        intake_[frame].values.push_back(value);  // made from the upload, as it is taken in
        return;
    }
    planPart(part, frame, planned);
}

void Evaluator::planPart(size_t part, int64_t frame, std::vector<std::pair<size_t, int64_t>>& planned) {
    const TemporalPart& p = plan_.parts[part];
    for (size_t t : p.temporals) {
        const int k = int(plan_.steps[t].radius);
        for (int j = -k; j <= k; ++j) plan(plan_.steps[t].input, clip_.neighbour(frame, j), planned);
    }
    if (p.readsSource) plan(0, frame, planned);
}

void Evaluator::recordSource(VkCommandBuffer cmd, int64_t frame, const SourceFrame& source) {
    const auto intake = intake_.find(frame);
    if (!temporal() || intake == intake_.end())
        throw Error("internal error: source frame " + std::to_string(frame) + " was not asked for");
    computeBarrier(cmd);
    VkBuffer in = source.buffer;
    bool half = source.storage == PixelStorage::Half;
    bool kept = false;
    if (source.storage == PixelStorage::Planes) {
        if (!toRgb_) toRgb_ = std::make_unique<YuvToRgb>(gpu_);
        if (intake->second.keep) {
            in = ring_.allocate(0, frame, frameBytes(0)).handle();
            kept = true;
        } else {
            if (converted_.size() < frameBytes(0)) converted_ = GpuBuffer(gpu_, size_t(frameBytes(0)), BufferUse::Device);
            in = converted_.handle();
        }
        toRgb_->record(cmd, source.buffer, in, *source.planes);
        half = false;
    }
    if (intake->second.keep && !kept) {
        const VkBuffer entry = ring_.allocate(0, frame, frameBytes(0)).handle();
        keepSource_->record(cmd, in, entry, width_, height_, {half, false});
        computeBarrier(cmd);
        in = entry, half = false;
    }
    for (size_t v : intake->second.values) {
        const VkBuffer entry = ring_.allocate(v, frame, frameBytes(v)).handle();
        runPart(cmd, size_t(plan_.values[v].part), frame, in, half, entry);
    }
}

void Evaluator::ensure(VkCommandBuffer cmd, size_t value, int64_t frame) {
    if (ring_.find(value, frame, true)) return;
    if (value == 0) throw Error("internal error: source frame " + std::to_string(frame) + " was not taken in");
    const size_t part = size_t(plan_.values[value].part);
    const VkBuffer entry = ring_.allocate(value, frame, frameBytes(value)).handle();
    runPart(cmd, part, frame, VK_NULL_HANDLE, false, entry);
}

void Evaluator::runPart(VkCommandBuffer cmd, size_t part, int64_t frame, VkBuffer source, bool sourceHalf,
                        VkBuffer destination) {
    const TemporalPart& p = plan_.parts[part];
    // Everything the temporal steps read first: those runs reuse the steps' result frames.
    for (size_t t : p.temporals) {
        const int k = int(plan_.steps[t].radius);
        for (int j = -k; j <= k; ++j) ensure(cmd, plan_.steps[t].input, clip_.neighbour(frame, j));
    }
    const FrameFormats formats = partFormats(part, sourceHalf);
    const bool passesOn = passesOnTemporal(part, formats);
    std::vector<VkBuffer> given;
    for (size_t t : p.temporals) {
        const int k = int(plan_.steps[t].radius);
        FrameStepIo io;
        for (int j = -k; j <= k; ++j) {
            const int64_t f = clip_.neighbour(frame, j);
            io.inputs.push_back(ring_.find(plan_.steps[t].input, f, true)->handle());
            io.stamps.push_back(ring_.stamp(plan_.steps[t].input, f));
            io.frames.push_back(f);
        }
        io.output = passesOn ? destination : temporals_[t].output.handle();
        io.width = width_, io.height = height_;
        temporals_[t].kernel->record(cmd, io);
        computeBarrier(cmd);
        if (tally_ && tally_->counts(plan_.steps[t].frame))
            if (const VkBuffer matte = temporals_[t].kernel->repairMatte(cmd, io))
                tally_->record(cmd, plan_.steps[t].frame, frame, matte, width_, height_);
        given.push_back(io.output);
    }
    if (passesOn) {
        ++partsRun_;
        return;
    }
    if (source == VK_NULL_HANDLE) {
        if (p.readsSource) {
            const GpuBuffer* kept = ring_.find(0, frame, true);
            if (!kept) throw Error("internal error: source frame " + std::to_string(frame) + " was not taken in");
            source = kept->handle();
        } else {
            source = destination;  // bound but never read
        }
        sourceHalf = false;
    }
    parts_[part].program->record(cmd, source, destination, width_, height_, formats, given, frame);
    computeBarrier(cmd);
    ++partsRun_;
}

void Evaluator::recordFrame(VkCommandBuffer cmd, int64_t n, const SourceFrame* current, VkBuffer destination,
                            RepairTally* tally) {
    computeBarrier(cmd);
    tally_ = tally;
    if (!temporal()) {
        if (!current) throw Error("internal error: a frame recorded without its source");
        VkBuffer in = current->buffer;
        bool half = current->storage == PixelStorage::Half;
        if (current->storage == PixelStorage::Planes) {
            if (!toRgb_) toRgb_ = std::make_unique<YuvToRgb>(gpu_);
            if (converted_.size() < frameBytes(0)) converted_ = GpuBuffer(gpu_, size_t(frameBytes(0)), BufferUse::Device);
            toRgb_->record(cmd, current->buffer, converted_.handle(), *current->planes);
            in = converted_.handle(), half = false;
        }
        runPart(cmd, 0, n, in, half, destination);
    } else {
        runPart(cmd, 0, n, VK_NULL_HANDLE, false, destination);
    }
    tally_ = nullptr;
    ring_.unpinAll();
    intake_.clear();
}

bool Evaluator::update(const PointSteps& steps) {
    TemporalPlan next = planTime(PixelProgram::serial(steps));
    if (next.parts.size() != plan_.parts.size() || next.steps.size() != plan_.steps.size() ||
        next.values.size() != plan_.values.size())
        return false;
    for (size_t t = 0; t < next.steps.size(); ++t)
        if (next.steps[t].input != plan_.steps[t].input || next.steps[t].frame->structure() != plan_.steps[t].frame->structure())
            return false;
    for (size_t p = 0; p < parts_.size(); ++p)
        if (!parts_[p].program->accepts(next.parts[p].program)) return false;
    for (size_t p = 0; p < parts_.size(); ++p) parts_[p].program->update(next.parts[p].program);
    for (size_t t = 0; t < temporals_.size(); ++t) temporals_[t].kernel->update(*next.steps[t].frame);
    for (size_t v = 1; v < plan_.values.size(); ++v) ring_.forget(v);  // made with the old values
    plan_ = std::move(next);
    return true;
}

bool Evaluator::passesOnTemporal(size_t part, FrameFormats formats) const {
    // A part that only passes one temporal step's result on (a grade ending in the temporal step):
    // the step writes the destination itself, when that is RGBA32F as the step writes.
    const TemporalPart& p = plan_.parts[part];
    return p.temporals.size() == 1 && p.program.instrs.size() == 2 && p.program.output == 1 && !formats.destinationHalf &&
           formats.destination == FrameKind::Rgba && plan_.steps[p.temporals.front()].frame->outputKind() == FrameKind::Rgba;
}

uint32_t Evaluator::dispatchesPerFrame(bool planes) const {
    const FrameFormats f = formats_;
    if (!temporal()) return parts_[0].program->dispatchesFor(width_, height_, f) + (planes ? 1 : 0);
    uint32_t n = planes || plan_.keepsSource() ? 1 : 0;
    for (size_t p = 0; p < parts_.size(); ++p) {
        if (!passesOnTemporal(p, partFormats(p, false))) n += parts_[p].program->dispatchesFor(width_, height_, f);
        for (size_t t : plan_.parts[p].temporals) n += temporals_[t].kernel->dispatches();
    }
    return n;
}

std::string Evaluator::describe() const {
    std::string text = plan_.describe();
    if (temporal() && width_ > 0)
        text += "GPU ring: " + mib(plan_.footprintBytes(width_, height_)) + " at " + std::to_string(width_) + "x" +
                std::to_string(height_) + ", holding up to " + mib(ring_.capacity()) + " within a budget of " + mib(budget_) + "\n";
    return text;
}

}  // namespace tinct
