#pragma once
// `tinct scopes`: frames are read, graded and colour-managed on the GPU exactly as a render would,
// and the scopes of the result are drawn there; PNG images (and with --json the counts) are
// written per frame.
#include <functional>
#include <optional>
#include <string>

#include "engine/color/ColorPipeline.h"
#include "engine/kernel/PointStep.h"
#include "engine/io/FrameRange.h"
#include "engine/scopes/ScopeOptions.h"

namespace tinct {

class GpuContext;

struct ScopeJobSettings {
    std::string input;                  // file or sequence pattern
    std::optional<FrameRange> frames;
    bool skipMissing = false;
    std::string layer;
    std::string outputDirectory;
    PointSteps steps;                   // the grade
    ColorRequest color;                 // as for render; scopes look at the output signal
    ScopeOptions options;
    bool autoMatrix = true;             // Rec.2020 luma/Cb/Cr when the output has Rec.2020 primaries
    bool json = false;
    std::function<void(const std::string&)> log;
};

// What the scopes see when the output is `plan` (a display, a colour space, or the graded source
// when there is no colour management and the source's EXR primaries are `sourcePrimaries`).
void describeSignal(const ColorPlan& plan, const std::optional<Chromaticities>& sourcePrimaries, ScopeOptions& options,
                    bool autoMatrix);

// Writes DIR/<kind>.png (DIR/<kind>.<frame>.png for sequences) and, with json, scopes.json
// (scopes.<frame>.json). Returns the number of frames analysed. Throws tinct::Error.
size_t runScopes(GpuContext& gpu, const ScopeJobSettings& settings);

}  // namespace tinct
