#pragma once
// The numbers that turn codes into Y'CbCr and Y'CbCr into R'G'B' (and back), from the matrix's
// luma weights (ITU-R BT.601, BT.709, BT.2020) and the range (ITU-R BT.601/709 video levels, or
// full). Shared by the GPU kernels of both directions.
#include "engine/media/PlaneLayout.h"

namespace tinct {

struct LumaWeights {
    float kr = 0, kb = 0;
};
LumaWeights lumaWeights(YuvMatrix matrix);

// Y = (code - yOffset) / yScale, C = (code - cOffset) / cScale for samples of `depth` bits; RGB
// layouts and full range use the whole code span.
struct CodeRange {
    float yOffset = 0, yScale = 1, cOffset = 0, cScale = 1;
};
CodeRange codeRange(const PlaneLayout& layout);

// (x, y) of the first chroma sample in luma samples, for the layout's subsampling and siting.
void chromaSiting(const PlaneLayout& layout, float& x, float& y);

}  // namespace tinct
