#pragma once
// LUT files as point steps. Every format OpenColorIO reads goes through OCIO's FileTransform and
// then the one GPU path (OcioGpuStep), so adding a format needs nothing here.
#include <memory>
#include <string>

#include "engine/color/OcioGpuStep.h"

namespace tinct {

enum class LutInterpolation { Tetrahedral, Trilinear };

LutInterpolation parseLutInterpolation(const std::string& name);  // "tetrahedral" | "trilinear"

// Reads `path` and returns its step. Throws tinct::Error naming the file and the problem (missing,
// unreadable, wrong entry count, bad size line, NaN entries, ...).
std::shared_ptr<const OcioGpuStep> loadLut(const std::string& path, LutInterpolation interpolation);

}  // namespace tinct
