#pragma once
// Broadcast scopes computed and drawn on the GPU from a frame already there: counts accumulate in
// compute shaders (shared-memory per work group where the data fits, global atomics where not),
// images are drawn from the counts by another shader. Only what is asked for (--json, PNG) is
// copied back.
#include <cstdint>
#include <memory>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/gpu/ComputeKernel.h"
#include "engine/gpu/GpuBuffer.h"
#include "engine/scopes/ScopeOptions.h"

namespace tinct {

class GpuContext;

struct ScopeImage {
    ScopeKind kind;
    int width = 0, height = 0;
    std::vector<uint8_t> rgba;  // 8-bit RGBA, rows top to bottom
};

// The numbers behind the images (histogram, waveform and vectorscope counts are zero unless those
// kinds were drawn or ScopeOptions::allCounts asked for them).
struct ScopeData {
    int bins = 0;
    std::vector<uint32_t> histogram;  // [channel * bins + bin], channels R, G, B, luma
    uint32_t underflow[4] = {}, overflow[4] = {};
    int columns = 0, levels = 0;      // waveform: levels over [kWaveformLow, kWaveformHigh], bottom first
    std::vector<uint32_t> waveform;   // [(channel * levels + level) * columns + column]
    int gridSize = 0;
    std::vector<uint32_t> vectorscope;  // [row * gridSize + column], row 0 at the top (+Cr)

    nlohmann::json toJson(const ScopeOptions& options) const;
};

class ScopeEngine {
public:
    ScopeEngine(GpuContext& gpu, ScopeOptions options);
    ~ScopeEngine();

    // Records clearing, counting, normalising and drawing for a frame of width x height RGBA32F
    // pixels in `frame`, written by earlier commands in `cmd`.
    void record(VkCommandBuffer cmd, VkBuffer frame, uint32_t width, uint32_t height);

    // After the commands have completed.
    ScopeData data() const;
    std::vector<ScopeImage> images() const;

    const ScopeOptions& options() const { return options_; }

private:
    struct Plan;    // sizes and offsets derived from the options

    GpuContext& gpu_;
    ScopeOptions options_;
    std::unique_ptr<Plan> plan_;
    std::unique_ptr<ComputeKernel> histogram_, waveform_, plot_, maximum_, draw_;
};

}  // namespace tinct
