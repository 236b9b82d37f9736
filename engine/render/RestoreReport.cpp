#include "engine/render/RestoreReport.h"

#include <algorithm>
#include <filesystem>
#include <map>

#include "engine/Error.h"
#include "engine/color/ExrChromaticities.h"
#include "engine/graph/Evaluator.h"
#include "engine/graph/FrameRunner.h"
#include "engine/graph/RepairTally.h"
#include "engine/io/AtomicOutput.h"
#include "engine/io/OutputDirectory.h"
#include "engine/io/PngWriter.h"
#include "engine/media/InputFrames.h"
#include "engine/render/Progress.h"
#include "engine/render/RepairCharts.h"
#include "engine/render/RepairLog.h"

namespace fs = std::filesystem;

namespace tinct {

namespace {

// Node colours, in the order of the nodes' ids: bright, apart from each other and from film.
constexpr Rgb8 kNodeColours[] = {{255, 40, 200}, {0, 220, 255}, {255, 220, 0}, {90, 255, 70}, {255, 120, 20}, {160, 120, 255}};

// One frame's repairs by one step, kept from the recording that made them until the frame's turn.
struct StepRepairs {
    RepairCount count;
    uint32_t width = 0, height = 0;
    std::vector<uint32_t> bits;
};

struct SheetEntry {
    int frame = 0;
    uint64_t repairs = 0;
    SheetCell cell;
};

}  // namespace

nlohmann::json runRestoreReport(GpuContext& gpu, const RestoreReportSettings& settings) {
    const auto source = openFrameSource(settings.input, {settings.layer, true});
    const InputFrames inputs = listInputFrames(*source, settings.frames, settings.skipMissing);
    std::map<int64_t, int> numberOf;
    std::vector<int> numbers;
    for (size_t i = 0; i < inputs.frames.size(); ++i) {
        numberOf[inputs.sourceFrames[i]] = inputs.frames[i].first;
        numbers.push_back(inputs.frames[i].first);
    }
    RepairLog log(settings.repairNodes, numberOf);
    if (log.empty())
        throw Error("restore report: the grade has no node that repairs (dust, scratch, dead_pixels): nothing to report");
    if (settings.sheetFrames > 100) throw Error("--sheet-frames " + std::to_string(settings.sheetFrames) + ": at most 100");
    if (settings.thumbWidth < 64 || settings.thumbWidth > 2048)
        throw Error("--thumb-width " + std::to_string(settings.thumbWidth) + ": 64 to 2048 pixels");

    const auto primaries = [&]() -> std::optional<Chromaticities> {
        if (source->kind() != MediaKind::Exr) return std::nullopt;
        return exrChromaticities(inputs.frames.front().second);
    };
    const ColorPlan color = planColor(settings.color, primaries);
    tellUser(color, settings.log);
    std::map<std::string, Rgb8> colourOf;
    for (const FrameStep* step : log.steps()) colourOf[log.nodeOf(step)];
    size_t next = 0;
    for (auto& [node, colour] : colourOf) colour = kNodeColours[next++ % std::size(kNodeColours)];

    const OutputDirectory directory(settings.outputDirectory);
    std::vector<fs::path> written;
    try {
        // The cleaning grade, and beside it the same colour conversions without it: the frame as
        // scanned, for the sheet.
        Evaluator cleaning(gpu, aroundGrade(color, settings.steps), *source);
        FrameRunner cleaned(gpu, cleaning, *source);
        Evaluator asScanned(gpu, aroundGrade(color, {}), *source);
        FrameRunner scanned(gpu, asScanned, *source);
        RepairTally tally(gpu, log.steps());

        std::map<std::pair<int64_t, const FrameStep*>, StepRepairs> pending;
        std::vector<SheetEntry> sheet;  // the frames with the most repairs so far, most first
        Progress progress(inputs.frames.size(), settings.progress);
        for (size_t i = 0; i < inputs.frames.size(); ++i) {
            if (settings.cancel && settings.cancel->load())
                throw Error("restore report cancelled after " + std::to_string(i) + " frames; nothing written");
            const int64_t n = inputs.sourceFrames[i];
            const Frame frame = cleaned.run(n, &tally);
            log.add(tally);
            // A step may have run at a later frame already (another temporal step's context).
            for (size_t e = 0; e < tally.entries().size(); ++e) {
                const auto& entry = tally.entries()[e];
                if (!numberOf.count(entry.frame) || pending.count({entry.frame, entry.step})) continue;
                const uint32_t* bits = tally.bits(e);
                const size_t words = size_t((entry.width + 31) / 32) * entry.height;
                pending[{entry.frame, entry.step}] = {tally.count(e), entry.width, entry.height, {bits, bits + words}};
            }
            uint64_t repairs = 0;
            std::map<std::string, uint64_t> byNode;
            for (const FrameStep* step : log.steps())
                if (auto at = pending.find({n, step}); at != pending.end()) {
                    repairs += at->second.count.repairs;
                    byNode[log.nodeOf(step)] += at->second.count.repairs;
                }
            const bool joins = repairs > 0 && settings.sheetFrames > 0 &&
                               (sheet.size() < settings.sheetFrames || repairs > sheet.back().repairs);
            if (joins) {
                SheetEntry entry{numbers[i], repairs, {}};
                entry.cell.caption = "frame " + std::to_string(numbers[i]) + ":";
                const char* separator = " ";
                for (const auto& [node, count] : byNode)
                    entry.cell.caption += separator + node + " " + std::to_string(count), separator = ", ";
                entry.cell.scanned = shrinkFrame(scanned.run(n), settings.thumbWidth);
                for (const FrameStep* step : log.steps())
                    if (auto at = pending.find({n, step}); at != pending.end())
                        overlayMatte(entry.cell.scanned, {at->second.bits.data(), at->second.width, at->second.height},
                                     colourOf.at(log.nodeOf(step)));
                entry.cell.cleaned = shrinkFrame(frame, settings.thumbWidth);
                // Most repairs first; among equals the earlier frame stays.
                const auto at = std::upper_bound(sheet.begin(), sheet.end(), repairs,
                                                 [](uint64_t r, const SheetEntry& s) { return r > s.repairs; });
                sheet.insert(at, std::move(entry));
                if (sheet.size() > settings.sheetFrames) sheet.pop_back();
            }
            for (auto at = pending.begin(); at != pending.end();)
                at = at->first.first == n ? pending.erase(at) : std::next(at);
            progress.frameDone();
        }
        progress.finish();

        std::sort(sheet.begin(), sheet.end(), [](const SheetEntry& a, const SheetEntry& b) { return a.frame < b.frame; });
        std::vector<int> sheetFrames;
        std::vector<SheetCell> cells;
        for (auto& s : sheet) sheetFrames.push_back(s.frame), cells.push_back(std::move(s.cell));
        std::vector<RepairSeries> series;
        for (const auto& [node, frames] : log.byNode()) {
            RepairSeries s{node, colourOf.at(node), std::vector<uint32_t>(numbers.size(), 0)};
            for (const FrameRepairs& f : frames)
                s.repairs[size_t(std::lower_bound(numbers.begin(), numbers.end(), f.frame) - numbers.begin())] = f.count.repairs;
            series.push_back(std::move(s));
        }

        nlohmann::json report = {{"input", settings.input},
                                 {"frames", numbers.size()},
                                 {"first_frame", numbers.front()},
                                 {"last_frame", numbers.back()},
                                 {"repairs", log.toJson()},
                                 {"plot", "repairs.png"},
                                 {"contact_sheet", {{"file", "contact_sheet.png"}, {"frames", sheetFrames}}}};
        const ChartImage plot = drawRepairPlot(numbers, series, sheetFrames);
        const ChartImage contact = drawContactSheet(cells, {colourOf.begin(), colourOf.end()});
        // Everything is drawn before the first file appears; the JSON, which names the others, last.
        const fs::path dir(settings.outputDirectory);
        for (const auto& [name, image] : {std::pair{"repairs.png", &plot}, std::pair{"contact_sheet.png", &contact}}) {
            writePng((dir / name).string(), image->width, image->height, image->rgba);
            written.push_back(dir / name);
        }
        writeTextAtomically((dir / "repairs.json").string(), report.dump(2) + "\n");
        return report;
    } catch (...) {
        std::error_code ignored;  // a report is whole or absent
        for (const fs::path& path : written) fs::remove(path, ignored);
        directory.removeIfEmpty();
        throw;
    }
}

}  // namespace tinct
