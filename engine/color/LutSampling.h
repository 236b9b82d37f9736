#pragma once
// GLSL that samples a LUT held in a storage buffer of vec4 texels the way a Vulkan sampler with
// clamp-to-edge addressing would (nearest, or linear / bilinear / trilinear), but in full float
// arithmetic. Hardware filtering may weight texels with as few as 4 fractional bits (Vulkan's
// minimum subTexelPrecisionBits), which would put a LUT's result up to 1/16 of a step off; these
// functions give the same result on every device.
#include <string>

#include "engine/kernel/PointStep.h"  // TextureShape

namespace tinct {

// Declares `layout(binding) readonly buffer NAMEBuffer { vec4 NAMEData[]; }` and
// `vec4 NAMESample(float|vec2|vec3 coordinate)` for a LUT of `shape`. Coordinates are normalised
// as for texture(): texel centres at (i + 0.5) / size.
std::string lutSamplingGlsl(const std::string& name, uint32_t binding, const TextureShape& shape, bool linear);

// For a 3D LUT as OpenColorIO lays it out (red the slowest index) and declared by lutSamplingGlsl:
// `vec3 NAMETetrahedral(vec3 rgb)`, the tetrahedral interpolation OCIO's shader computes, from
// rgb * (size - 1), but without branches: the tetrahedron's vertices are chosen by comparisons and
// the four texels read once each. On a CPU device the six branches of OCIO's own code all run, for
// every pixel; this reads 4 texels instead of 14.
std::string lutTetrahedralGlsl(const std::string& name, uint32_t size);

}  // namespace tinct
