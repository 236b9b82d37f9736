// All five scopes of a UHD frame against one fused grade pass (a CDL and a 33^3 tetrahedral LUT)
// on the same device, both timed by GPU timestamps; the frame is already on the GPU for both.
// Usage: bench_scopes [lut.cube] [runs]   Prints one Markdown table row.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "engine/color/LutFile.h"
#include "engine/gpu/FrameSlots.h"
#include "engine/gpu/GpuContext.h"
#include "engine/kernel/FusedKernel.h"
#include "engine/nodes/CdlNode.h"
#include "engine/scopes/ScopeEngine.h"

int main(int argc, char** argv) {
    const std::string lut = argc > 1 ? argv[1] : "";
    const int runs = argc > 2 ? std::atoi(argv[2]) : 5;
    const uint32_t width = 3840, height = 2160, pixels = width * height;
    std::vector<float> frame(size_t(pixels) * 4);
    for (uint32_t y = 0; y < height; ++y)
        for (uint32_t x = 0; x < width; ++x) {
            float* p = &frame[(size_t(y) * width + x) * 4];
            p[0] = float(x) / width;
            p[1] = 0.5f + 0.5f * std::sin(y * 0.01f);
            p[2] = float(y) / height;
            p[3] = 1.0f;
        }

    tinct::GpuContext gpu;
    tinct::CdlValues cdl;
    cdl.slope = {1.1, 1.0, 0.9};
    tinct::PointSteps steps = {std::make_shared<tinct::CdlNode>(cdl, tinct::CdlStyle::NoClamp)};
    if (!lut.empty()) steps.push_back(tinct::loadLut(lut, tinct::LutInterpolation::Tetrahedral));
    tinct::FusedKernel grade(gpu, steps);
    tinct::ScopeEngine scopes(gpu, tinct::ScopeOptions{});

    auto best = [&](const tinct::FrameSlots::RecordWork& work) {
        tinct::FrameSlots slots(gpu, 1, work);
        double ms = 1e30;
        for (int r = 0; r < runs; ++r) {
            slots.run(frame.data(), frame.size() * 4, frame.size() * 4);
            ms = std::min(ms, slots.gpuMilliseconds(0).value_or(0));
        }
        return ms;
    };
    const double gradeMs = best([&](VkCommandBuffer cmd, VkBuffer src, VkBuffer dst) { grade.record(cmd, src, dst, pixels, {}); });
    const double scopesMs = best([&](VkCommandBuffer cmd, VkBuffer src, VkBuffer) { scopes.record(cmd, src, width, height); });
    std::string each;  // each kind alone (counting that kind, and the always-made JSON counts, plus drawing)
    for (tinct::ScopeKind kind : tinct::allScopeKinds()) {
        tinct::ScopeOptions one;
        one.kinds = {kind};
        tinct::ScopeEngine single(gpu, one);
        char text[64];
        std::snprintf(text, sizeof text, "%s%s %.1f", each.empty() ? "" : ", ", tinct::scopeKindName(kind),
                      best([&](VkCommandBuffer cmd, VkBuffer src, VkBuffer) { single.record(cmd, src, width, height); }));
        each += text;
    }
    std::printf("| %s | %.1f ms | %.1f ms | %.2f | %s |\n", gpu.description().name.c_str(), gradeMs, scopesMs,
                scopesMs / gradeMs, each.c_str());
    return 0;
}
