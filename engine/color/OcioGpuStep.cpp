#include "engine/color/OcioGpuStep.h"

#include <cmath>
#include <map>
#include <mutex>
#include <regex>

#include "engine/Error.h"
#include "engine/color/LutSampling.h"

namespace OCIO = OCIO_NAMESPACE;

namespace tinct {

namespace {

// Function and resource names are fixed while extracting and renamed per slot in glsl(), so the
// shader text is computed once per processor.
constexpr const char* kFunction = "tinct_ocio_fn";
constexpr const char* kPrefix = "tinct_ocio_";

OCIO::GpuShaderDescRcPtr extract(const OCIO::ConstProcessorRcPtr& processor) {
    auto desc = OCIO::GpuShaderDesc::CreateShaderDesc();
    desc->setLanguage(OCIO::GPU_LANGUAGE_GLSL_4_0);
    desc->setFunctionName(kFunction);
    desc->setResourcePrefix(kPrefix);
    processor->getOptimizedGPUProcessor(OCIO::OPTIMIZATION_DEFAULT)->extractGpuShaderInfo(desc);
    return desc;
}

void requireFinite(const float* values, size_t count, const std::string& what) {
    for (size_t i = 0; i < count; ++i)
        if (!std::isfinite(values[i]))
            throw Error(what + ": LUT entry " + std::to_string(i / 3 + 1) + " is not a finite number (NaN or Inf)");
}

}  // namespace

OcioGpuStep::OcioGpuStep(OCIO::ConstProcessorRcPtr processor, std::string what)
    : processor_(std::move(processor)), what_(std::move(what)) {
    auto desc = extract(processor_);
    if (desc->getNumUniforms() != 0)
        throw Error(what_ + ": transforms with dynamic properties are not supported on the GPU path yet");

    for (unsigned i = 0; i < desc->getNum3DTextures(); ++i) {
        const char *textureName = nullptr, *samplerName = nullptr;
        unsigned edge = 0;
        OCIO::Interpolation interpolation;
        desc->get3DTexture(i, textureName, samplerName, edge, interpolation);
        const float* values = nullptr;
        desc->get3DTextureValues(i, values);
        const size_t texels = size_t(edge) * edge * edge;
        requireFinite(values, texels * 3, what_);
        StepTexture t;
        t.shape = {3, edge, edge, edge};
        t.rgba.resize(texels * 4);
        for (size_t k = 0; k < texels; ++k) {
            for (int c = 0; c < 3; ++c) t.rgba[k * 4 + c] = values[k * 3 + c];
            t.rgba[k * 4 + 3] = 1.0f;
        }
        // Tetrahedral code samples texel centres only, which nearest sampling returns exactly.
        t.linear = interpolation != OCIO::INTERP_TETRAHEDRAL && interpolation != OCIO::INTERP_NEAREST;
        textures_.push_back(std::move(t));
        samplerNames_.push_back(samplerName);
    }
    for (unsigned i = 0; i < desc->getNumTextures(); ++i) {
        const char *textureName = nullptr, *samplerName = nullptr;
        unsigned width = 0, height = 0;
        OCIO::GpuShaderDesc::TextureType channel;
        OCIO::Interpolation interpolation;
        desc->getTexture(i, textureName, samplerName, width, height, channel, interpolation);
        const float* values = nullptr;
        desc->getTextureValues(i, values);
        const size_t texels = size_t(width) * height;
        const int channels = channel == OCIO::GpuShaderDesc::TEXTURE_RED_CHANNEL ? 1 : 3;
        requireFinite(values, texels * channels, what_);
        StepTexture t;
        t.shape = {height > 1 ? 2u : 1u, width, height, 1};
        t.rgba.resize(texels * 4);
        for (size_t k = 0; k < texels; ++k) {
            for (int c = 0; c < 3; ++c) t.rgba[k * 4 + c] = values[k * channels + (channels == 1 ? 0 : c)];
            t.rgba[k * 4 + 3] = 1.0f;
        }
        t.linear = interpolation != OCIO::INTERP_NEAREST;
        textures_.push_back(std::move(t));
        samplerNames_.push_back(samplerName);
    }
}

std::shared_ptr<const OcioGpuStep> sharedOcioGpuStep(OCIO::ConstProcessorRcPtr processor, const std::string& what) {
    static std::mutex mutex;
    static std::map<std::string, std::shared_ptr<const OcioGpuStep>> steps;
    const std::string key = std::string(processor->getCacheID()) + "\n" + what;
    std::lock_guard lock(mutex);
    auto& step = steps[key];
    if (!step) step = std::make_shared<OcioGpuStep>(processor, what);
    return step;
}

std::string OcioGpuStep::glsl(const StepSlot& slot) const {
    std::string text = extract(processor_)->getShaderText();
    // Every LUT OCIO declares as a sampler becomes a storage buffer read by LutSampling's exact
    // filtering; OCIO's calls `texture(NAME, coordinate)` become `NAMESample(coordinate)`.
    for (size_t i = 0; i < samplerNames_.size(); ++i) {
        const std::string& name = samplerNames_[i];
        const StepTexture& t = textures_[i];
        text = std::regex_replace(text, std::regex("uniform sampler[123]D " + name + ";"),
                                  lutSamplingGlsl(name, slot.firstBinding + uint32_t(i), t.shape, t.linear));
        const std::string call = "texture(" + name + ", ";
        for (size_t at; (at = text.find(call)) != std::string::npos;) text.replace(at, call.size(), name + "Sample(");
        if (text.find(name + "Sample(") == std::string::npos || text.find("texture(" + name) != std::string::npos)
            throw Error("internal error: " + what_ + ": OCIO samples its LUT " + name + " in a way Tinct does not expect");
    }
    // Give this slot's function and resources their own names, so two OCIO steps can be fused.
    text = std::regex_replace(text, std::regex(kFunction), slot.functionName);
    text = std::regex_replace(text, std::regex(kPrefix), slot.functionName + "_");
    return text;
}

}  // namespace tinct
