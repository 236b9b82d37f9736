#pragma once
// OpenColorIO's CPU processor as the reference the GPU is compared with.
#include <OpenColorIO/OpenColorIO.h>

#include <string>
#include <vector>

namespace tinct::test {

// Applies `transform` with OCIO's CPU processor (a raw config) to RGBA pixels, after the documented
// NaN/Inf substitution, the same the GPU path applies to source pixels.
std::vector<float> ocioReference(const OCIO_NAMESPACE::ConstTransformRcPtr& transform, const std::vector<float>& rgba);

}  // namespace tinct::test
