#pragma once
// A batch render: frames are read, graded on the GPU and written, with reading frame n+1 and
// writing frame n-1 overlapping the GPU work on frame n.
#include <atomic>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/color/ColorPipeline.h"
#include "engine/graph/GradeCompiler.h"
#include "engine/kernel/PointStep.h"
#include "engine/io/ExrCompression.h"
#include "engine/io/Frame.h"
#include "engine/media/EncodeOptions.h"
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
    EncodeRequest encode;                // movie and DPX/TIFF/PNG outputs: codec, tags, timecode, audio
    StepNodes countRepairs;              // steps (by node) whose repairs each frame counts (--stats)
    int jobs = 0;                        // reader and writer threads each; 0: one per usable core, up to 8
    bool progress = false;
    std::function<void(const std::string&)> log;  // what was chosen (colour spaces, ...); may be empty
    std::function<void(size_t done, size_t total)> onFrame;  // after each frame is written (a GUI's progress)
    const std::atomic<bool>* cancel = nullptr;    // set (by a signal handler, a GUI) to stop between frames
};

// Means per frame, in milliseconds, of each stage; what `--stats` writes.
struct RenderStats {
    size_t frames = 0;
    int dispatchesPerFrame = 0;
    double readMs = 0, uploadMs = 0, gpuMs = 0, downloadMs = 0, writeMs = 0;
    double wallSeconds = 0;
    std::vector<std::pair<int, int>> skipped;  // runs of missing frames passed over (--skip-missing)
    nlohmann::json repairs = nlohmann::json::object();  // RepairLog::toJson of settings.countRepairs

    nlohmann::json toJson() const;
};

// The plan of a render, for --explain: frames, colour choices, and each kernel with its steps.
std::string explainRender(const RenderSettings& settings);

// Runs the render. Throws tinct::Error on bad input, a failed read/write or a cancel, after stopping
// all work; frames finished before that stay complete on disk, nothing partial is left, and an
// output directory the render created is removed again if nothing was written into it.
RenderStats runRender(GpuContext& gpu, const RenderSettings& settings);

}  // namespace tinct
