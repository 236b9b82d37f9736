#include "engine/render/RepairScan.h"

#include "engine/Error.h"
#include "engine/color/ExrChromaticities.h"
#include "engine/graph/Evaluator.h"
#include "engine/graph/FrameRunner.h"
#include "engine/graph/RepairTally.h"
#include "engine/media/InputFrames.h"

namespace tinct {

namespace {

// One frame's repairs by one step, kept from the recording that made them until the frame's turn
// (a step may run at a later frame already, as another temporal step's context).
struct StepRepairs {
    RepairCount count;
    uint32_t width = 0, height = 0;
    std::vector<uint32_t> bits;
};

}  // namespace

// The cleaning grade, and beside it the same colour conversions without it: the frame as scanned.
struct RepairScan::Gpu {
    Gpu(GpuContext& gpu, std::unique_ptr<FrameSource> s, const ColorPlan& color, const PointSteps& steps,
        const std::set<const FrameStep*>& counted)
        : source(std::move(s)),
          cleaning(gpu, aroundGrade(color, steps), *source),
          cleaned(gpu, cleaning, *source),
          asScanned(gpu, aroundGrade(color, {}), *source),
          scanned(gpu, asScanned, *source),
          tally(gpu, counted) {}
    std::unique_ptr<FrameSource> source;
    Evaluator cleaning;
    FrameRunner cleaned;
    Evaluator asScanned;
    FrameRunner scanned;
    RepairTally tally;
};

RepairScan::RepairScan(GpuContext& gpu, const RepairScanSettings& settings) : settings_(settings) {
    auto source = openFrameSource(settings.input, {settings.layer, true});
    const InputFrames inputs = listInputFrames(*source, settings.frames, settings.skipMissing);
    std::map<int64_t, int> numberOf;
    for (size_t i = 0; i < inputs.frames.size(); ++i) {
        numberOf[inputs.sourceFrames[i]] = inputs.frames[i].first;
        numbers_.push_back(inputs.frames[i].first);
    }
    sources_ = inputs.sourceFrames;
    log_ = std::make_unique<RepairLog>(settings.repairNodes, numberOf);
    if (log_->empty()) throw Error("the grade has no node that repairs (dust, scratch, dead_pixels, frame_repair): nothing to count");
    const bool exr = source->kind() == MediaKind::Exr;
    const std::string first = inputs.frames.front().second;
    const ColorPlan color = planColor(settings.color, [&]() -> std::optional<Chromaticities> {
        return exr ? exrChromaticities(first) : std::nullopt;
    });
    tellUser(color, settings.log);
    gpu_ = std::make_unique<Gpu>(gpu, std::move(source), color, settings.steps, log_->steps());
}

RepairScan::~RepairScan() = default;

std::vector<std::string> RepairScan::nodes() const {
    std::set<std::string> ids;
    for (const FrameStep* step : log_->steps()) ids.insert(log_->nodeOf(step));
    return {ids.begin(), ids.end()};
}

Frame RepairScan::scanned(int64_t source) { return gpu_->scanned.run(source); }

void RepairScan::run(const std::function<void(const ScannedFrame&)>& visit) {
    std::set<int64_t> wanted(sources_.begin(), sources_.end());
    std::map<std::pair<int64_t, const FrameStep*>, StepRepairs> pending;
    RepairTally& tally = gpu_->tally;
    for (size_t i = 0; i < sources_.size(); ++i) {
        if (settings_.cancel && settings_.cancel->load()) throw Error("cancelled after " + std::to_string(i) + " frames");
        const int64_t n = sources_[i];
        const Frame cleaned = gpu_->cleaned.run(n, &tally);
        log_->add(tally);
        for (size_t e = 0; e < tally.entries().size(); ++e) {
            const auto& entry = tally.entries()[e];
            if (!wanted.count(entry.frame) || pending.count({entry.frame, entry.step})) continue;
            const uint32_t* bits = tally.bits(e);
            const size_t words = size_t((entry.width + 31) / 32) * entry.height;
            pending[{entry.frame, entry.step}] = {tally.count(e), entry.width, entry.height, {bits, bits + words}};
        }
        ScannedFrame frame;
        frame.index = i, frame.number = numbers_[i], frame.source = n, frame.cleaned = &cleaned;
        for (const FrameStep* step : log_->steps())
            if (auto at = pending.find({n, step}); at != pending.end()) {
                const std::string& node = log_->nodeOf(step);
                frame.repairs += at->second.count.repairs;
                frame.repairsByNode[node] += at->second.count.repairs;
                frame.mattes.push_back({node, {at->second.bits.data(), at->second.width, at->second.height}});
            }
        visit(frame);
        for (auto at = pending.begin(); at != pending.end();) at = at->first.first == n ? pending.erase(at) : std::next(at);
    }
}

}  // namespace tinct
