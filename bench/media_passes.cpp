// The media passes alone, timed on the GPU: decoded planes to RGBA32F (YuvToRgb) and RGBA32F to an
// encoder's planes (RgbToYuv), for the layouts a transcode meets: 8-bit 4:2:0 (H.264 from cameras and
// archives) and 10-bit 4:2:2 (ProRes 422 HQ). The planes come from real decodes (the ffmpeg program
// makes the clips). Best of RUNS, in ms per frame and Mpixels/s.
// Usage: bench_media_passes [RUNS]
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>

extern "C" {
#include <libavutil/pixdesc.h>
}

#include "engine/gpu/FrameSlots.h"
#include "engine/gpu/GpuContext.h"
#include "engine/media/MovieSource.h"
#include "engine/media/PlaneLayout.h"
#include "engine/media/RgbToYuv.h"
#include "engine/media/YuvToRgb.h"

int main(int argc, char** argv) {
    using namespace tinct;
    const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 10;
    GpuContext gpu;
    struct Case {
        const char *name, *make;
        AVPixelFormat out;
    };
    const Case cases[] = {
        {"768x576 yuv420p (H.264)", "-f lavfi -i testsrc2=size=768x576:rate=25 -frames:v 1 -c:v libx264 -pix_fmt yuv420p",
         AV_PIX_FMT_YUV422P10LE},
        {"1920x1080 yuv422p10le (ProRes HQ)",
         "-f lavfi -i testsrc2=size=1920x1080:rate=25 -frames:v 1 -c:v prores_ks -profile:v hq", AV_PIX_FMT_YUV422P10LE},
    };
    std::printf("%s\n", gpu.description().name.c_str());
    for (const Case& c : cases) {
        const std::string path = "build/bench/media-pass-" + std::to_string(&c - cases) + ".mov";
        if (std::system(("ffmpeg -loglevel error -y " + std::string(c.make) + " " + path).c_str()) != 0) return 1;
        MovieSource source(path);
        Frame frame;
        source.read(0, frame);
        const PlaneLayout& in = *frame.planeLayout;
        const auto out = planeLayoutFor(c.out, frame.width, frame.height, {AVCOL_SPC_BT709, AVCOL_RANGE_MPEG, AVCHROMA_LOC_LEFT}, path, 8);
        YuvToRgb toRgb(gpu);
        RgbToYuv toPlanes(gpu);
        GpuBuffer rgba(gpu, frame.pixelCount() * 16, BufferUse::Device);
        bool decode = true;
        FrameSlots slots(gpu, 1, [&](VkCommandBuffer cmd, VkBuffer src, VkBuffer dst) {
            if (decode) toRgb.record(cmd, src, rgba.handle(), in);
            else toPlanes.record(cmd, rgba.handle(), dst, *out);
        });
        double best[2] = {1e9, 1e9};
        for (int pass = 0; pass < 2; ++pass) {
            decode = pass == 0;
            for (int r = 0; r < runs; ++r) {
                slots.run(frame.planes.data(), frame.planes.size(), decode ? 16 : out->bytes);
                best[pass] = std::min(best[pass], slots.gpuMilliseconds(0).value_or(0));
            }
        }
        const double mpix = double(frame.pixelCount()) / 1e6;
        std::printf("  %s: to RGBA %.2f ms (%.0f Mpix/s); to %s %.2f ms (%.0f Mpix/s)\n", c.name, best[0], mpix / best[0] * 1e3,
                    av_get_pix_fmt_name(c.out), best[1], mpix / best[1] * 1e3);
        std::remove(path.c_str());
    }
}
