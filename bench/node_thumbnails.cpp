// What node thumbnails add to a parameter edit in the station, measured apart from the viewer: a
// chain of NODES primaries nodes graded from ACES2065-1 to the sRGB display on a 1920x1080 frame,
// the first node's saturation edited EDITS times. Per edit: the CPU side of
// NodeThumbnails::setGrade (every thumbnail from the edited node on made into steps again and taken
// into its program, no compile) and one command buffer with their renders and the blit into a
// 1600x900 window's node editor, waited for. Also a pan (the canvas and every thumbnail written
// again, nothing rendered), and a new source frame (uploaded, made small on the GPU, every
// thumbnail rendered), once per frame shown. The frames are the sample footage's at 1920x1080.
// Usage: bench_thumbnails [NODES] [EDITS]   Prints medians in milliseconds.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "app/gui/MediaSource.h"
#include "app/gui/NodeThumbnails.h"
#include "app/gui/UploadedFrames.h"
#include "engine/gpu/GpuContext.h"

namespace {

using Clock = std::chrono::steady_clock;

double ms(Clock::time_point from) { return std::chrono::duration<double, std::milli>(Clock::now() - from).count(); }

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
    using namespace tinct;
    const int nodes = argc > 1 ? std::max(1, std::atoi(argv[1])) : 1;
    const int edits = argc > 2 ? std::max(1, std::atoi(argv[2])) : 20;
    GpuContext gpu;
    MediaSource media(gpu, "", 1920, 1080);
    UploadedFrames frames(gpu, media);
    NodeThumbnails thumbnails(gpu, media, frames);
    thumbnails.showFrame(1);
    ColorRequest request;
    request.config = TINCT_SOURCE_DIR "/luts/config.ocio";
    request.input = "ACES2065-1";
    request.display = "sRGB";
    const ColorPlan plan = planColor(request, [] { return std::nullopt; });
    Grade grade;
    for (int i = 0; i < nodes; ++i) {
        grade.nodes.push_back(makeNode("primaries", "n" + std::to_string(i + 1)));
        if (i > 0) grade.nodes.back().inputs = {grade.nodes[size_t(i) - 1].id};
    }
    auto t = Clock::now();
    std::string failed = thumbnails.setGrade(grade, plan, "", true);
    if (failed.empty()) failed = thumbnails.settle();
    if (!failed.empty()) {
        std::fprintf(stderr, "%s\n", failed.c_str());
        return 1;
    }
    const double firstBuild = ms(t);

    // The node editor as a 1600x900 window lays it out: a 980x270 canvas, boxes 150 pixels apart.
    const int windowW = 1600, windowH = 900;
    GpuBuffer window(gpu, size_t(windowW) * windowH * 4, BufferUse::Device);
    const std::array<float, 4> canvas = {8, 620, 980, 270};
    std::map<std::string, std::array<float, 4>> rects = {{kSourceInput, {33, 676, 99, 56}}};
    for (int i = 0; i < nodes; ++i) rects["n" + std::to_string(i + 1)] = {33 + 150.0f * (i + 1), 676, 99, 56};
    const SurfaceFormatChoice format;  // B8G8R8A8, SDR
    auto draw = [&] {
        gpu.runOnce([&](VkCommandBuffer cmd) { thumbnails.record(cmd, canvas, rects, window.handle(), windowW, windowH, format); });
    };
    draw();
    std::vector<double> shown;
    for (int i = 2; i <= 6; ++i) {
        media.frame(i);  // made (the sample footage) before the clock starts, as a decoded frame would be
        t = Clock::now();
        thumbnails.showFrame(i);
        draw();
        shown.push_back(ms(t));
    }

    std::vector<double> cpu, gpuSide, pan;
    for (int e = 0; e < edits; ++e) {
        grade.nodes[0].params.set("saturation", 1.0 + 0.01 * (e + 1));
        t = Clock::now();
        thumbnails.setGrade(grade, plan, "", false);
        cpu.push_back(ms(t));
        t = Clock::now();
        draw();
        gpuSide.push_back(ms(t));
        for (auto& [id, r] : rects) r[0] += e % 2 ? -1.0f : 1.0f;  // a pan: the blit alone
        t = Clock::now();
        draw();
        pan.push_back(ms(t));
    }
    std::printf("%s: %d node(s), %d edits: a new 1080p frame (upload, GPU shrink, renders, blit) %.1f ms; first build of %zu programs %.0f ms (a worker); "
                "per edit: setGrade %.2f ms (CPU), renders + blit %.2f ms; a pan (blit alone) %.2f ms; programs built %zu, "
                "updated %zu\n",
                gpu.description().name.c_str(), nodes, edits, median(shown), thumbnails.counts().built, firstBuild,
                median(cpu), median(gpuSide), median(pan), thumbnails.counts().built, thumbnails.counts().updated);
}
