#include "engine/render/RestoreReport.h"

#include <algorithm>
#include <filesystem>
#include <map>

#include "engine/Error.h"
#include "engine/io/AtomicOutput.h"
#include "engine/io/OutputDirectory.h"
#include "engine/io/PngWriter.h"
#include "engine/render/Progress.h"
#include "engine/render/RepairCharts.h"
#include "engine/render/RepairScan.h"

namespace fs = std::filesystem;

namespace tinct {

namespace {

// Node colours, in the order of the nodes' ids: bright, apart from each other and from film.
constexpr Rgb8 kNodeColours[] = {{255, 40, 200}, {0, 220, 255}, {255, 220, 0}, {90, 255, 70}, {255, 120, 20}, {160, 120, 255}};

struct SheetEntry {
    int frame = 0;
    uint64_t repairs = 0;
    SheetCell cell;
};

}  // namespace

nlohmann::json runRestoreReport(GpuContext& gpu, const RestoreReportSettings& settings) {
    if (settings.sheetFrames > 100) throw Error("--sheet-frames " + std::to_string(settings.sheetFrames) + ": at most 100");
    if (settings.thumbWidth < 64 || settings.thumbWidth > 2048)
        throw Error("--thumb-width " + std::to_string(settings.thumbWidth) + ": 64 to 2048 pixels");
    RepairScan scan(gpu, settings.scan);
    const std::vector<int>& numbers = scan.numbers();
    std::map<std::string, Rgb8> colourOf;
    for (const std::string& node : scan.nodes()) {
        const Rgb8 colour = kNodeColours[colourOf.size() % std::size(kNodeColours)];
        colourOf[node] = colour;
    }

    const OutputDirectory directory(settings.outputDirectory);
    std::vector<fs::path> written;
    try {
        std::vector<SheetEntry> sheet;  // the frames with the most repairs so far, most first
        Progress progress(numbers.size(), settings.progress);
        scan.run([&](const ScannedFrame& f) {
            progress.frameDone();
            const bool joins = f.repairs > 0 && settings.sheetFrames > 0 &&
                               (sheet.size() < settings.sheetFrames || f.repairs > sheet.back().repairs);
            if (!joins) return;
            SheetEntry entry{f.number, f.repairs, {}};
            entry.cell.caption = "frame " + std::to_string(f.number) + ":";
            const char* separator = " ";
            for (const auto& [node, count] : f.repairsByNode)
                entry.cell.caption += separator + node + " " + std::to_string(count), separator = ", ";
            entry.cell.scanned = shrinkFrame(scan.scanned(f.source), settings.thumbWidth);
            for (const auto& [node, matte] : f.mattes) overlayMatte(entry.cell.scanned, matte, colourOf.at(node));
            entry.cell.cleaned = shrinkFrame(*f.cleaned, settings.thumbWidth);
            // Most repairs first; among equals the earlier frame stays.
            const auto at = std::upper_bound(sheet.begin(), sheet.end(), f.repairs,
                                             [](uint64_t r, const SheetEntry& s) { return r > s.repairs; });
            sheet.insert(at, std::move(entry));
            if (sheet.size() > settings.sheetFrames) sheet.pop_back();
        });
        progress.finish();

        std::sort(sheet.begin(), sheet.end(), [](const SheetEntry& a, const SheetEntry& b) { return a.frame < b.frame; });
        std::vector<int> sheetFrames;
        std::vector<SheetCell> cells;
        for (auto& s : sheet) sheetFrames.push_back(s.frame), cells.push_back(std::move(s.cell));
        std::vector<RepairSeries> series;
        for (const auto& [node, frames] : scan.log().byNode()) {
            RepairSeries s{node, colourOf.at(node), std::vector<uint32_t>(numbers.size(), 0)};
            for (const FrameRepairs& f : frames)
                s.repairs[size_t(std::lower_bound(numbers.begin(), numbers.end(), f.frame) - numbers.begin())] = f.count.repairs;
            series.push_back(std::move(s));
        }

        nlohmann::json report = {{"input", settings.scan.input},
                                 {"frames", numbers.size()},
                                 {"first_frame", numbers.front()},
                                 {"last_frame", numbers.back()},
                                 {"repairs", scan.log().toJson()},
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
