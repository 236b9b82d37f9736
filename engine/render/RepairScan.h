#pragma once
// A cleaning grade run over a scan to see what it repairs, frame by frame, without writing frames:
// what `restore report` draws and the station's clip bar shows. Each frame's repairs, its repair
// mattes (a bit a pixel) and the cleaned frame are handed to a visitor as the frame is made; the
// frame as scanned is made on request (through the same colour conversions, without the grade).
#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/color/ColorPipeline.h"
#include "engine/graph/GradeCompiler.h"
#include "engine/io/FrameRange.h"
#include "engine/kernel/PointStep.h"
#include "engine/render/RepairLog.h"
#include "engine/render/RepairThumbnail.h"

namespace tinct {

class GpuContext;

struct RepairScanSettings {
    std::string input;  // file, sequence pattern or movie
    std::optional<FrameRange> frames;
    bool skipMissing = false;
    std::string layer;
    PointSteps steps;       // the cleaning grade
    StepNodes repairNodes;  // which node made each step (GradeCompiler's)
    ColorRequest color;     // as for render: the nodes see what they would see there
    std::function<void(const std::string&)> log;
    const std::atomic<bool>* cancel = nullptr;  // stops between frames (a tinct::Error)
};

// One frame of the scan, valid during the visit.
struct ScannedFrame {
    size_t index = 0;      // in the scan's frames
    int number = 0;        // the frame's number
    int64_t source = 0;    // its source frame
    uint64_t repairs = 0;  // all nodes together
    std::map<std::string, uint64_t> repairsByNode;
    std::vector<std::pair<std::string, PackedMatte>> mattes;  // (node, matte) of each counted step
    const Frame* cleaned = nullptr;                            // RGBA32F
};

class RepairScan {
public:
    // Opens the input and plans the frames. Throws tinct::Error, also for a grade without a
    // repairing node.
    RepairScan(GpuContext& gpu, const RepairScanSettings& settings);
    ~RepairScan();

    const std::vector<int>& numbers() const { return numbers_; }  // the frames, in order
    // The repairing nodes' ids, in order.
    std::vector<std::string> nodes() const;
    // Makes every frame in order, handing each to `visit` once made.
    void run(const std::function<void(const ScannedFrame&)>& visit);
    // Source frame `source` as scanned, RGBA32F (a visitor may ask for its frame).
    Frame scanned(int64_t source);
    const RepairLog& log() const { return *log_; }

private:
    struct Gpu;
    RepairScanSettings settings_;
    std::vector<int> numbers_;
    std::vector<int64_t> sources_;
    std::unique_ptr<RepairLog> log_;
    std::unique_ptr<Gpu> gpu_;
};

}  // namespace tinct
