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

std::vector<float> ocioDisplayReference(const std::string& configPath, const std::string& src, const std::string& display,
                                        const std::string& view, std::vector<float> rgba) {
    auto t = OCIO::DisplayViewTransform::Create();
    t->setSrc(src.c_str());
    t->setDisplay(display.c_str());
    t->setView(view.c_str());
    OCIO::PackedImageDesc image(rgba.data(), long(rgba.size() / 4), 1, 4);
    OCIO::Config::CreateFromFile(configPath.c_str())->getProcessor(t)->getDefaultCPUProcessor()->apply(image);
    for (float& v : rgba) v = sanitized(v);
    return rgba;
}

}  // namespace tinct::test
