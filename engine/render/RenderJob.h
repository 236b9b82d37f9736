#pragma once
// A batch render: frames are read, graded on the GPU and written, with reading frame n+1 and
// writing frame n-1 overlapping the GPU work on frame n.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/color/ColorPipeline.h"
#include "engine/graph/PointStep.h"
#include "engine/io/ExrCompression.h"
#include "engine/io/Frame.h"
#include "engine/render/FramePlan.h"

namespace tinct {

class GpuContext;

struct RenderSettings {
    FramePlanRequest frames;
    std::string layer;                   // EXR layer to read; "" for the RGBA layer
    PointSteps steps;                    // the grade, applied in order, fused into one kernel
    ColorRequest color;                  // conversions around the grade; none by default
    std::optional<PixelType> pixelType;  // output type; the input's when absent (uint -> float)
    ExrCompression compression = ExrCompression::Zip;
    int jobs = 0;                        // reader and writer threads each; 0: one per core
    bool progress = false;
    std::function<void(const std::string&)> log;  // what was chosen (colour spaces, ...); may be empty
};

// Means per frame, in milliseconds, of each stage; what `--stats` writes.
struct RenderStats {
    size_t frames = 0;
    int dispatchesPerFrame = 0;
    double readMs = 0, uploadMs = 0, gpuMs = 0, downloadMs = 0, writeMs = 0;
    double wallSeconds = 0;
    std::vector<int> skipped;  // missing frames passed over with --skip-missing

    nlohmann::json toJson() const;
};

// Runs the render. Throws tinct::Error on bad input or a failed read/write, after stopping all
// work; frames finished before the failure stay complete on disk, nothing partial is left.
RenderStats runRender(GpuContext& gpu, const RenderSettings& settings);

}  // namespace tinct
