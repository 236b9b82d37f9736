#pragma once
// OpenColorIO's CPU processor as the reference the GPU is compared with.
#include <OpenColorIO/OpenColorIO.h>

#include <string>
#include <vector>

namespace tinct::test {

// Applies `transform` with OCIO's CPU processor (a raw config) to RGBA pixels, after the documented
// NaN/Inf substitution, the same the GPU path applies to source pixels.
std::vector<float> ocioReference(const OCIO_NAMESPACE::ConstTransformRcPtr& transform, const std::vector<float>& rgba);

// `src` -> display / view of the config file at `configPath` with OCIO's CPU processor, applied to
// RGBA pixels; NaN and Inf in its output replaced as the GPU kernel's output policy says.
std::vector<float> ocioDisplayReference(const std::string& configPath, const std::string& src, const std::string& display,
                                        const std::string& view, std::vector<float> rgba);

}  // namespace tinct::test
