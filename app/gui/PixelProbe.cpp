#include "app/gui/PixelProbe.h"

#include "engine/graph/Evaluator.h"
#include "engine/graph/FrameRunner.h"
#include "engine/media/FrameSource.h"

namespace tinct {

std::vector<std::array<float, 4>> sampleThroughSteps(GpuContext& gpu, const PointSteps& steps, FrameSource& source,
                                                     int64_t number, const std::vector<std::array<int, 2>>& pixels) {
    Evaluator evaluator(gpu, steps, source);
    FrameRunner runner(gpu, evaluator, source);
    const Frame out = runner.run(number);
    std::vector<std::array<float, 4>> values;
    for (const auto& [x, y] : pixels) {
        if (x < 0 || y < 0 || x >= out.width || y >= out.height) continue;
        const float* p = &out.rgba[(size_t(y) * size_t(out.width) + size_t(x)) * 4];
        values.push_back({p[0], p[1], p[2], p[3]});
    }
    return values;
}

}  // namespace tinct
