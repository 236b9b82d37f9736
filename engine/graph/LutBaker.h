#pragma once
// Bakes a run of point steps (a grade, CDLs, LUTs, colour conversions) into a 3D LUT by running
// them on the GPU over a lattice of input colours, for systems that take a LUT but not a grade.
#include <string>
#include <vector>

#include "engine/kernel/PointStep.h"

namespace tinct {

class GpuContext;

struct BakeOptions {
    int size = 33;             // lattice points per axis
    // Linear input spans far more than 0..1, and a lattice uniform in linear wastes its points on
    // the highlights: a shaper spreads them evenly in stops over 0..shaperMax instead,
    // x -> log2(1 + x / a) / log2(1 + shaperMax / a) with a = 1/64.
    bool shaper = false;
    double shaperMax = 64.0;
    int shaperSize = 4096;     // entries of the shaper's 1D table
    // Steps a LUT cannot hold (blur, sharpen, a matte's clean-up; windows, which depend on where
    // the pixel is) are refused, or with this left out: a window then covers the whole frame.
    bool ignoreSpatial = false;
};

struct BakedLut {
    BakeOptions options;
    std::vector<float> lattice;  // size^3 RGB triples, red fastest (the .cube order)
    std::vector<float> shaper;   // shaperSize values over 0..shaperMax (when options.shaper)
};

// The lattice coordinate (0..1) of a linear value under the shaper, and back.
double shaperForward(double x, double shaperMax);
double shaperInverse(double t, double shaperMax);

BakedLut bakeLut(GpuContext& gpu, const PointSteps& steps, const BakeOptions& options);

// Writes by extension: .cube (Resolve layout with the shaper as a 1D LUT when there is one),
// .spi3d, .clf (both via OpenColorIO, shaper kept), .3dl (Flame, 12-bit; no shaper). Atomic.
// Throws tinct::Error naming the path for an unknown extension or a shaper the format cannot hold.
void writeBakedLut(const std::string& path, const BakedLut& lut, const std::string& title);

}  // namespace tinct
