#include "engine/scopes/ScopeEngine.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "engine/Error.h"
#include "engine/gpu/EmbeddedShaders.h"
#include "engine/gpu/GpuContext.h"
#include "engine/gpu/ReadbackBuffer.h"
#include "engine/scopes/ScopeOverlays.h"

namespace tinct {

namespace {

constexpr uint32_t kMaxLevels = 1024;  // shared-memory limit of scope_waveform.comp

enum DrawMode : uint32_t { WaveformLuma = 0, WaveformRgb = 1, Parade = 2, Histogram = 3, Vectorscope = 4, Cie = 5 };

struct HistogramPush {
    uint32_t pixels, bins;
    float kr, kb;
};
struct WaveformPush {
    uint32_t frameWidth, frameHeight, columns, levels;
    float low, high, kr, kb;
};
struct PlotPush {
    float toXyz[16];
    uint32_t pixels, width, height, mode;
    float kr, kb, zoom;
    uint32_t transfer;
    float window[4];
};
struct MaxPush {
    uint32_t offset, count, slot;
};
struct DrawPush {
    uint32_t width, height, mode, offset, columns, rows, segmentCount, maxSlot, logCounts;
};

void barrier(VkCommandBuffer cmd, VkAccessFlags src, VkAccessFlags dst, VkPipelineStageFlags srcStage,
             VkPipelineStageFlags dstStage) {
    VkMemoryBarrier b{VK_STRUCTURE_TYPE_MEMORY_BARRIER};
    b.srcAccessMask = src;
    b.dstAccessMask = dst;
    vkCmdPipelineBarrier(cmd, srcStage, dstStage, 0, 1, &b, 0, nullptr, 0, nullptr);
}

std::pair<float, float> krkb(CbCrMatrix m) {
    return m == CbCrMatrix::Rec2020 ? std::pair{0.2627f, 0.0593f} : std::pair{0.2126f, 0.0722f};
}

}  // namespace

struct ScopeEngine::Plan {
    uint32_t bins = 0, columns = 0, levels = 0, paradeColumns = 0, grid = 0;
    ReadbackBuffer histogram, waveform, parade, vectorscope, cie, maxima;
    struct Drawing {
        ScopeKind kind;
        DrawMode mode;
        uint32_t width, height, columns, rows, maxSlot;
        const ReadbackBuffer* counts;
        uint32_t maxOffset, maxCount;  // the range of counts the trace is normalised by
        GpuBuffer segments;
        uint32_t segmentCount;
        ReadbackBuffer image;
    };
    std::vector<Drawing> drawings;
};

ScopeEngine::ScopeEngine(GpuContext& gpu, ScopeOptions options)
    : gpu_(gpu), options_(std::move(options)), plan_(std::make_unique<Plan>()) {
    auto& o = options_;
    if (o.width < 64 || o.height < 64 || o.width > 8192 || o.height > 8192)
        throw Error("scope size " + std::to_string(o.width) + "x" + std::to_string(o.height) + " is outside 64..8192");
    if (o.bins < 2 || o.bins > 65536) throw Error("--bins " + std::to_string(o.bins) + " is outside 2..65536");
    if (o.zoom != 1 && o.zoom != 2 && o.zoom != 4) throw Error("vectorscope zoom must be 1, 2 or 4");

    Plan& p = *plan_;
    p.bins = uint32_t(o.bins);
    p.columns = uint32_t(o.width);
    p.levels = std::min(uint32_t(o.height), kMaxLevels);
    p.paradeColumns = uint32_t(o.width) / 3;
    p.grid = uint32_t(o.height);

    auto output = [&](size_t values) { return ReadbackBuffer(gpu, std::max<size_t>(values, 1) * sizeof(uint32_t)); };
    p.histogram = output(4 * p.bins + 8);
    p.waveform = output(4 * size_t(p.levels) * p.columns);
    p.parade = output(4 * size_t(p.levels) * p.paradeColumns);
    p.vectorscope = output(size_t(p.grid) * p.grid);
    p.cie = output(size_t(p.grid) * p.grid);
    p.maxima = output(8);

    const uint32_t W = uint32_t(o.width), H = uint32_t(o.height), S = p.grid;
    for (ScopeKind kind : o.kinds) {
        Plan::Drawing d{kind, WaveformLuma, W, H, 0, 0, uint32_t(p.drawings.size()), nullptr, 0, 0, {}, 0, {}};
        std::vector<float> segments;
        switch (kind) {
            case ScopeKind::Waveform:
                d.mode = o.rgbWaveform ? WaveformRgb : WaveformLuma;
                d.columns = p.columns, d.rows = p.levels, d.counts = &p.waveform;
                d.maxOffset = o.rgbWaveform ? 0 : 3 * p.levels * p.columns;
                d.maxCount = (o.rgbWaveform ? 3 : 1) * p.levels * p.columns;
                segments = waveformOverlay(o, W, H, 1);
                break;
            case ScopeKind::Parade:
                d.mode = Parade, d.columns = p.paradeColumns, d.rows = p.levels, d.counts = &p.parade;
                d.maxOffset = 0, d.maxCount = 3 * p.levels * p.paradeColumns;
                segments = waveformOverlay(o, W, H, 3);
                break;
            case ScopeKind::Histogram:
                d.mode = Histogram, d.columns = p.bins, d.rows = 1, d.counts = &p.histogram;
                d.maxOffset = 0, d.maxCount = 4 * p.bins;
                segments = histogramOverlay(o, W, H);
                break;
            case ScopeKind::Vectorscope:
                d.mode = Vectorscope, d.width = d.height = S, d.columns = S, d.rows = S, d.counts = &p.vectorscope;
                d.maxOffset = 0, d.maxCount = S * S;
                segments = vectorscopeOverlay(o, S);
                break;
            case ScopeKind::Cie:
                d.mode = Cie, d.width = d.height = S, d.columns = S, d.rows = S, d.counts = &p.cie;
                d.maxOffset = 0, d.maxCount = S * S;
                segments = cieOverlay(S);
                break;
        }
        d.segmentCount = uint32_t(segments.size() / 8);
        if (segments.empty()) segments.assign(8, 0.0f);
        d.segments = GpuBuffer::withData(gpu, segments.data(), segments.size() * sizeof(float));
        d.image = output(size_t(d.width) * d.height);
        p.drawings.push_back(std::move(d));
    }

    using B = BindingKind;
    histogram_ = std::make_unique<ComputeKernel>(gpu, shaders::spirv("scope_histogram"),
                                                 std::vector<B>{B::StorageBuffer, B::StorageBuffer}, sizeof(HistogramPush),
                                                 "scope_histogram");
    waveform_ = std::make_unique<ComputeKernel>(gpu, shaders::spirv("scope_waveform"),
                                                std::vector<B>{B::StorageBuffer, B::StorageBuffer}, sizeof(WaveformPush),
                                                "scope_waveform");
    plot_ = std::make_unique<ComputeKernel>(gpu, shaders::spirv("scope_plot"),
                                            std::vector<B>{B::StorageBuffer, B::StorageBuffer}, sizeof(PlotPush), "scope_plot");
    maximum_ = std::make_unique<ComputeKernel>(gpu, shaders::spirv("scope_max"),
                                               std::vector<B>{B::StorageBuffer, B::StorageBuffer}, sizeof(MaxPush), "scope_max");
    draw_ = std::make_unique<ComputeKernel>(gpu, shaders::spirv("scope_draw"), std::vector<B>(4, B::StorageBuffer),
                                            sizeof(DrawPush), "scope_draw");
}

ScopeEngine::~ScopeEngine() = default;

void ScopeEngine::record(VkCommandBuffer cmd, VkBuffer frame, uint32_t width, uint32_t height) {
    const Plan& p = *plan_;
    const auto [kr, kb] = krkb(options_.matrix);
    const uint32_t pixels = width * height;
    constexpr uint32_t kGroups = 256;  // grid-stride loops: enough groups to fill any device
    auto has = [&](ScopeKind k) { return std::find(options_.kinds.begin(), options_.kinds.end(), k) != options_.kinds.end(); };

    barrier(cmd, VK_ACCESS_SHADER_WRITE_BIT, VK_ACCESS_SHADER_READ_BIT, VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT,
            VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT);
    // Everything starts at 0, so counts of kinds not asked for read as zero.
    for (const ReadbackBuffer* out : {&p.histogram, &p.waveform, &p.vectorscope, &p.cie, &p.maxima})
        vkCmdFillBuffer(cmd, out->target(), 0, VK_WHOLE_SIZE, 0);
    barrier(cmd, VK_ACCESS_TRANSFER_WRITE_BIT, VK_ACCESS_SHADER_READ_BIT | VK_ACCESS_SHADER_WRITE_BIT,
            VK_PIPELINE_STAGE_TRANSFER_BIT, VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT);

    const Binding source{BindingKind::StorageBuffer, frame};
    auto counted = [&](ScopeKind k) { return options_.allCounts || has(k); };
    if (counted(ScopeKind::Histogram)) {
        const HistogramPush push{pixels, p.bins, kr, kb};
        const Binding b[] = {source, {BindingKind::StorageBuffer, p.histogram.target()}};
        histogram_->record(cmd, b, &push, kGroups, 1);
    }
    if (counted(ScopeKind::Waveform)) {
        const WaveformPush push{width, height, p.columns, p.levels, kWaveformLow, kWaveformHigh, kr, kb};
        const Binding b[] = {source, {BindingKind::StorageBuffer, p.waveform.target()}};
        waveform_->record(cmd, b, &push, p.columns, 1);
    }
    if (has(ScopeKind::Parade)) {
        const WaveformPush push{width, height, p.paradeColumns, p.levels, kWaveformLow, kWaveformHigh, kr, kb};
        const Binding b[] = {source, {BindingKind::StorageBuffer, p.parade.target()}};
        waveform_->record(cmd, b, &push, p.paradeColumns, 1);
    }
    if (counted(ScopeKind::Vectorscope)) {
        PlotPush push{};
        push.pixels = pixels, push.width = push.height = p.grid, push.mode = 0;
        push.kr = kr, push.kb = kb, push.zoom = float(options_.zoom) * kVectorscopeReach;
        const Binding b[] = {source, {BindingKind::StorageBuffer, p.vectorscope.target()}};
        plot_->record(cmd, b, &push, kGroups, 1);
    }
    if (has(ScopeKind::Cie)) {
        PlotPush push{};
        const auto m = rgbToXyz(options_.primaries);
        for (int r = 0; r < 3; ++r)
            for (int c = 0; c < 3; ++c) push.toXyz[c * 4 + r] = float(m[r * 3 + c]);  // GLSL is column-major
        push.pixels = pixels, push.width = push.height = p.grid, push.mode = 1;
        push.transfer = uint32_t(options_.transfer);
        const float window[4] = {kCieX0, kCieY0, kCieX1, kCieY1};
        std::memcpy(push.window, window, sizeof window);
        const Binding b[] = {source, {BindingKind::StorageBuffer, p.cie.target()}};
        plot_->record(cmd, b, &push, kGroups, 1);
    }
    barrier(cmd, VK_ACCESS_SHADER_WRITE_BIT, VK_ACCESS_SHADER_READ_BIT | VK_ACCESS_SHADER_WRITE_BIT,
            VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT, VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT);

    for (const auto& d : p.drawings) {
        const MaxPush push{d.maxOffset, d.maxCount, d.maxSlot};
        const Binding b[] = {{BindingKind::StorageBuffer, d.counts->target()}, {BindingKind::StorageBuffer, p.maxima.target()}};
        maximum_->record(cmd, b, &push, std::min(kGroups, (d.maxCount + 255) / 256), 1);
    }
    barrier(cmd, VK_ACCESS_SHADER_WRITE_BIT, VK_ACCESS_SHADER_READ_BIT, VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT,
            VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT);

    for (const auto& d : p.drawings) {
        const DrawPush push{d.width, d.height, d.mode, 0, d.columns, d.rows, d.segmentCount, d.maxSlot,
                            options_.logHistogram ? 1u : 0u};
        const Binding b[] = {{BindingKind::StorageBuffer, d.counts->target()},
                             {BindingKind::StorageBuffer, p.maxima.target()},
                             {BindingKind::StorageBuffer, d.segments.handle()},
                             {BindingKind::StorageBuffer, d.image.target()}};
        draw_->record(cmd, b, &push, (d.width + 15) / 16, (d.height + 15) / 16);
    }

    std::vector<const ReadbackBuffer*> read = {&p.histogram, &p.waveform, &p.vectorscope};
    for (const auto& d : p.drawings) read.push_back(&d.image);
    ReadbackBuffer::recordReadbacks(cmd, read);
}

ScopeData ScopeEngine::data() const {
    const Plan& p = *plan_;
    ScopeData d;
    d.bins = int(p.bins);
    const auto* h = static_cast<const uint32_t*>(p.histogram.host());
    d.histogram.assign(h, h + 4 * p.bins);
    for (int c = 0; c < 4; ++c) {
        d.underflow[c] = h[4 * p.bins + c];
        d.overflow[c] = h[4 * p.bins + 4 + c];
    }
    d.columns = int(p.columns);
    d.levels = int(p.levels);
    const auto* w = static_cast<const uint32_t*>(p.waveform.host());
    d.waveform.assign(w, w + 4 * size_t(p.levels) * p.columns);
    d.gridSize = int(p.grid);
    const auto* v = static_cast<const uint32_t*>(p.vectorscope.host());
    d.vectorscope.assign(v, v + size_t(p.grid) * p.grid);
    return d;
}

std::vector<ScopeImage> ScopeEngine::images() const {
    std::vector<ScopeImage> out;
    for (const auto& d : plan_->drawings) {
        const auto* pixels = static_cast<const uint8_t*>(d.image.host());
        out.push_back({d.kind, int(d.width), int(d.height), std::vector<uint8_t>(pixels, pixels + size_t(d.width) * d.height * 4)});
    }
    return out;
}

nlohmann::json ScopeData::toJson(const ScopeOptions& options) const {
    auto channel = [&](int c) { return std::vector<uint32_t>(histogram.begin() + c * bins, histogram.begin() + (c + 1) * bins); };
    nlohmann::json j;
    j["histogram"] = {{"bins", bins}, {"range", {0.0, 1.0}}, {"r", channel(0)}, {"g", channel(1)}, {"b", channel(2)},
                      {"luma", channel(3)},
                      {"underflow", {{"r", underflow[0]}, {"g", underflow[1]}, {"b", underflow[2]}, {"luma", underflow[3]}}},
                      {"overflow", {{"r", overflow[0]}, {"g", overflow[1]}, {"b", overflow[2]}, {"luma", overflow[3]}}}};
    // Waveform: per channel, per column, the counts of each level from the bottom of the scale.
    auto waveformChannel = [&](int c) {
        nlohmann::json cols = nlohmann::json::array();
        for (int x = 0; x < columns; ++x) {
            std::vector<uint32_t> levelCounts(levels);
            for (int l = 0; l < levels; ++l) levelCounts[l] = waveform[(size_t(c) * levels + l) * columns + x];
            cols.push_back(levelCounts);
        }
        return cols;
    };
    j["waveform"] = {{"columns", columns}, {"levels", levels}, {"range", {kWaveformLow, kWaveformHigh}},
                     {"r", waveformChannel(0)}, {"g", waveformChannel(1)}, {"b", waveformChannel(2)},
                     {"luma", waveformChannel(3)}};
    j["vectorscope"] = {{"size", gridSize}, {"zoom", options.zoom},
                        {"matrix", options.matrix == CbCrMatrix::Rec2020 ? "rec2020" : "rec709"},
                        {"reach", kVectorscopeReach},
                        {"layout", "row-major; Cb = (column + 0.5) / size - 0.5 and Cr = 0.5 - (row + 0.5) / size, each divided by zoom * reach"},
                        {"counts", vectorscope}};
    return j;
}

}  // namespace tinct
