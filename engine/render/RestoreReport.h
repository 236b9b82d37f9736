#pragma once
// `tinct restore report`: a cleaning grade run over a scan as a render would run it, nothing but the
// report written: per repairing node and frame the repairs and the pixels repaired (repairs.json),
// a strip plot of repairs per frame (repairs.png), and a contact sheet of the frames with the most
// repairs, each as scanned with the repair mattes laid over it beside the cleaned result
// (contact_sheet.png). The files appear together at the end, or none of them.
#include <string>

#include <nlohmann/json.hpp>

#include "engine/render/RepairScan.h"

namespace tinct {

class GpuContext;

struct RestoreReportSettings {
    RepairScanSettings scan;  // the scan, the cleaning grade, colour, cancel
    std::string outputDirectory;
    size_t sheetFrames = 12;
    int thumbWidth = 480;
    bool progress = false;
};

// Throws tinct::Error (a grade without a repairing node, bad input, a cancel) before any file is
// written. Returns what repairs.json holds.
nlohmann::json runRestoreReport(GpuContext& gpu, const RestoreReportSettings& settings);

}  // namespace tinct
