// A grade of ten point nodes on a UHD frame already on the GPU: fused into one kernel, against the
// same nodes one dispatch each, and against a single CDL (the memory-bound floor); then the same
// ten nodes as a graph (two keyed branches, a qualifier and a window, a layer mixer), which also
// fuses into one kernel. GPU timestamps. Usage: bench_grade [runs]   Prints two Markdown table rows.
#include <cmath>
#include <cstdio>
#include <cstring>
#include <vector>

#include "engine/gpu/FrameSlots.h"
#include "engine/gpu/GpuContext.h"
#include "engine/kernel/FusedKernel.h"
#include "engine/graph/GradeCompiler.h"
#include "engine/graph/GradeEditor.h"

int main(int argc, char** argv) {
    const int runs = argc > 1 ? std::atoi(argv[1]) : 5;
    const uint32_t width = 3840, height = 2160, pixels = width * height;
    std::vector<float> frame(size_t(pixels) * 4);
    for (size_t i = 0; i < frame.size(); i += 4) {
        const float x = float(i % (width * 4)) / (width * 4);
        frame[i] = x, frame[i + 1] = 1 - x, frame[i + 2] = 0.5f * x, frame[i + 3] = 1;
    }
    tinct::GradeEditor e;
    for (const char* type : {"primaries", "cdl", "channel_mixer", "primaries", "cdl", "soft_clip", "channel_mixer", "primaries",
                             "cdl", "clamp"})
        e.addNode(type);
    const tinct::PointSteps ten = tinct::compileGrade(e.grade(), "");
    // The same nodes in two branches: the second half keyed by a qualifier within a window and
    // layered (screen) over the first.
    tinct::Grade graph = e.grade();
    const std::string split = graph.nodes[4].id, layerTop = graph.nodes.back().id;
    graph.nodes[5].inputs = {graph.nodes[4].inputs.front()};
    tinct::GradeNode key = tinct::makeNode("qualifier", "key"), window = tinct::makeNode("window", "win");
    key.inputs = graph.nodes[5].inputs;
    window.matte = "key";
    graph.find(layerTop)->matte = "win";
    tinct::GradeNode mixer = tinct::makeNode("layer_mixer", "mix");
    mixer.inputs = {split, layerTop};
    mixer.params.set("mode", std::string("screen"));
    graph.nodes.insert(graph.nodes.end(), {key, window, mixer});
    graph.output = "mix";
    const tinct::PointSteps graphSteps = tinct::compileGrade(graph, "");
    tinct::GpuContext gpu;

    auto best = [&](const tinct::PointSteps& steps, bool fused) {
        std::vector<std::unique_ptr<tinct::FusedKernel>> kernels;
        if (fused) kernels.push_back(std::make_unique<tinct::FusedKernel>(gpu, steps));
        else
            for (const auto& s : steps) kernels.push_back(std::make_unique<tinct::FusedKernel>(gpu, tinct::PointSteps{s}));
        tinct::FrameSlots slots(gpu, 1, [&](VkCommandBuffer cmd, VkBuffer src, VkBuffer dst) {
            // Node by node: ping-pong between the two buffers, a barrier between dispatches.
            for (size_t k = 0; k < kernels.size(); ++k) {
                const bool even = k % 2 == 0;
                kernels[k]->record(cmd, even ? src : dst, even ? dst : src, pixels, {});
                tinct::computeBarrier(cmd);
            }
        });
        double ms = 1e30;
        for (int r = 0; r < runs; ++r) {
            slots.run(frame.data(), frame.size() * 4, frame.size() * 4);
            ms = std::min(ms, slots.gpuMilliseconds(0).value_or(0));
        }
        return ms;
    };
    const double fused = best(ten, true), unfused = best(ten, false), cdl = best({ten[1]}, true);
    std::printf("| %s | %.1f ms | %.1f ms | %.1f ms | %.2f | %.2f |\n", gpu.description().name.c_str(), fused, unfused, cdl,
                unfused / fused, fused / cdl);
    const double graphed = best(graphSteps, true);
    std::printf("| %s | graph of the ten + qualifier, window, layer mixer: %.1f ms, one kernel | %.2f x the serial ten |\n",
                gpu.description().name.c_str(), graphed, graphed / fused);
    return 0;
}
