#pragma once
// `tinct restore report`: a cleaning grade run over a scan as a render would run it, nothing but the
// report written: per repairing node and frame the repairs and the pixels repaired (repairs.json),
// a strip plot of repairs per frame (repairs.png), and a contact sheet of the frames with the most
// repairs, each as scanned with the repair mattes laid over it beside the cleaned result
// (contact_sheet.png). The files appear together at the end, or none of them.
#include <atomic>
#include <functional>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "engine/color/ColorPipeline.h"
#include "engine/graph/GradeCompiler.h"
#include "engine/io/FrameRange.h"
#include "engine/kernel/PointStep.h"

namespace tinct {

class GpuContext;

struct RestoreReportSettings {
    std::string input;  // file, sequence pattern or movie
    std::optional<FrameRange> frames;
    bool skipMissing = false;
    std::string layer;
    std::string outputDirectory;
    PointSteps steps;       // the cleaning grade
    StepNodes repairNodes;  // which node made each step (GradeCompiler's)
    ColorRequest color;     // as for render: the nodes see what they would see there, the pictures too
    size_t sheetFrames = 12;
    int thumbWidth = 480;
    bool progress = false;
    std::function<void(const std::string&)> log;
    const std::atomic<bool>* cancel = nullptr;
};

// Throws tinct::Error (a grade without a repairing node, bad input, a cancel) before any file is
// written. Returns what repairs.json holds.
nlohmann::json runRestoreReport(GpuContext& gpu, const RestoreReportSettings& settings);

}  // namespace tinct
