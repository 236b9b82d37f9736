#include "tests/support/OcioOracle.h"

#include "tests/support/TestPixels.h"

namespace OCIO = OCIO_NAMESPACE;

namespace tinct::test {

std::vector<float> ocioReference(const OCIO::ConstTransformRcPtr& transform, const std::vector<float>& rgba) {
    std::vector<float> out(rgba.size());
    for (size_t i = 0; i < rgba.size(); ++i) out[i] = sanitized(rgba[i]);
    auto cpu = OCIO::Config::CreateRaw()->getProcessor(transform)->getDefaultCPUProcessor();
    OCIO::PackedImageDesc image(out.data(), long(out.size() / 4), 1, 4);
    cpu->apply(image);
    return out;
}

}  // namespace tinct::test
