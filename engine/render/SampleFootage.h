#pragma once
// The built-in sample footage (`tinct sample`): a chart whose scene-linear ACES2065-1 values are
// known exactly, so a grade of it can be checked against numbers rather than by eye. Every frame
// holds reference patches, a linear ramp to 4, a hue sweep, fine detail for spatial filters and
// scopes, and a moving object so that temporal nodes and motion estimation have something to do.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/io/Frame.h"

namespace tinct {

// A flat patch of the chart. The rectangle is inclusive, like PixelWindow; r, g, b are ACES2065-1
// (AP0, scene-linear) and every pixel of the rectangle holds exactly these values.
struct SamplePatch {
    std::string name;
    int x0, y0, x1, y1;
    float r, g, b;
};

// A non-patch area of the chart ("linear_ramp", "hue_sweep", "lines", "checkerboards",
// "zone_plate", "motion"), with a sentence saying what its pixels hold.
struct SampleRegion {
    std::string name;
    PixelWindow window;
    std::string description;
};

// The smallest frame the chart is laid out for; smaller sizes throw tinct::Error.
inline constexpr int kSampleMinWidth = 64, kSampleMinHeight = 36;

// The chart's patches: a grey ramp (0, then 0.18 * 2^-5 .. 0.18 * 2^5, i.e. up to 5.76), Rec.709
// primaries and secondaries at 75% and skin tones, each converted to AP0.
std::vector<SamplePatch> samplePatches(int width, int height);

std::vector<SampleRegion> sampleRegions(int width, int height);

// The only area whose pixels depend on the frame index; everything outside it is identical in
// every frame of a sequence.
PixelWindow sampleMotionRegion(int width, int height);

// Frame `index` of a `count`-frame loop of the chart (frame index + count equals frame index).
// Deterministic: the same arguments give the same pixels on every run. Throws tinct::Error for a
// count below 1 or a size below kSampleMinWidth x kSampleMinHeight.
Frame makeSampleFrame(int index, int count, int width, int height);

// What chart.json says beside the frames: every patch with its rectangle and AP0 values, every
// region, and where the numbers come from.
nlohmann::json sampleChartJson(int width, int height);

}  // namespace tinct
