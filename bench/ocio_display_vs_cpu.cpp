// An ACES 1.0 SDR output transform (ACEScg -> sRGB display) on a UHD frame: Tinct's GPU path
// (OCIO's shader in a Vulkan compute kernel) against OCIO's own CPU processor on the same machine,
// the CPU processor given every core (the frame split into one band per core).
// Usage: bench_ocio_display [config.ocio] [frames]   Prints one Markdown table row.
#include <OpenColorIO/OpenColorIO.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "engine/color/ColorConfig.h"
#include "engine/color/OcioGpuStep.h"
#include "engine/gpu/FrameSlots.h"
#include "engine/gpu/GpuContext.h"
#include "engine/kernel/FusedKernel.h"

namespace OCIO = OCIO_NAMESPACE;
using Clock = std::chrono::steady_clock;

int main(int argc, char** argv) {
    const std::string configPath = argc > 1 ? argv[1] : "";
    const int frames = argc > 2 ? std::atoi(argv[2]) : 5;
    const int width = 3840, height = 2160;
    const size_t pixels = size_t(width) * height;

    // A scene-linear frame: smooth ramps across, colour across, values 0..16.
    std::vector<float> frame(pixels * 4);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            float* p = &frame[(size_t(y) * width + x) * 4];
            const float v = 16.0f * std::pow(float(x) / width, 3.0f);
            p[0] = v * (0.5f + 0.5f * std::sin(y * 0.01f));
            p[1] = v * (0.5f + 0.5f * std::cos(y * 0.013f));
            p[2] = v * float(y) / height;
            p[3] = 1.0f;
        }

    const tinct::LoadedConfig config = tinct::loadConfig(configPath);
    auto t = OCIO::DisplayViewTransform::Create();
    t->setSrc("ACEScg");
    t->setDisplay("sRGB");
    t->setView("ACES 1.0 - SDR Video");
    const auto processor = config.config->getProcessor(t);

    // OCIO CPU, one band per core.
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    auto cpuProcessor = processor->getDefaultCPUProcessor();
    std::vector<float> cpuOut = frame;
    double cpuSeconds = 1e30;
    for (int f = 0; f < frames; ++f) {
        std::memcpy(cpuOut.data(), frame.data(), frame.size() * sizeof(float));
        const auto t0 = Clock::now();
        std::vector<std::thread> threads;
        for (unsigned c = 0; c < cores; ++c)
            threads.emplace_back([&, c] {
                const int y0 = int(height * c / cores), y1 = int(height * (c + 1) / cores);
                OCIO::PackedImageDesc band(cpuOut.data() + size_t(y0) * width * 4, width, y1 - y0, 4);
                cpuProcessor->apply(band);
            });
        for (auto& th : threads) th.join();
        cpuSeconds = std::min(cpuSeconds, std::chrono::duration<double>(Clock::now() - t0).count());
    }

    // Tinct GPU: the kernel alone (timestamps) and with upload and download.
    tinct::GpuContext gpu;
    tinct::FusedKernel kernel(gpu, {tinct::sharedOcioGpuStep(processor, "ACES SDR")});
    tinct::FrameSlots slots(gpu, 1, [&](VkCommandBuffer cmd, VkBuffer src, VkBuffer dst) {
        kernel.record(cmd, src, dst, uint32_t(pixels), {});
    });
    double gpuSeconds = 1e30, roundTripSeconds = 1e30, maxError = 0;
    std::vector<float> gpuOut(frame.size());
    for (int f = 0; f < frames; ++f) {
        const auto t0 = Clock::now();
        std::memcpy(gpuOut.data(), slots.run(frame.data(), frame.size() * 4, frame.size() * 4), frame.size() * 4);
        roundTripSeconds = std::min(roundTripSeconds, std::chrono::duration<double>(Clock::now() - t0).count());
        gpuSeconds = std::min(gpuSeconds, slots.gpuMilliseconds(0).value_or(0) / 1000.0);
    }
    for (size_t i = 0; i < frame.size(); ++i)
        if (i % 4 != 3) maxError = std::max(maxError, double(std::fabs(gpuOut[i] - cpuOut[i])));

    const double mpix = pixels / 1e6;
    std::printf("| %s, %u cores | %.1f Mpix/s (%.1f ms) | %.1f Mpix/s (%.1f ms) | %.1f Mpix/s (%.1f ms) | %.2fx | %.2fx | %.1e |\n",
                gpu.description().name.c_str(), cores, mpix / cpuSeconds, cpuSeconds * 1e3, mpix / gpuSeconds,
                gpuSeconds * 1e3, mpix / roundTripSeconds, roundTripSeconds * 1e3, cpuSeconds / gpuSeconds,
                cpuSeconds / roundTripSeconds, maxError);
    return 0;
}
