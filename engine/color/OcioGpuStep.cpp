#include "engine/color/OcioGpuStep.h"

#include <cmath>
#include <map>
#include <mutex>
#include <regex>

#include "engine/Error.h"

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
        // Tetrahedral (and nearest) code samples texel centres only: those LUTs are read from a
        // buffer by index (see glsl()). Trilinear relies on the hardware filter.
        t.linear = interpolation != OCIO::INTERP_TETRAHEDRAL && interpolation != OCIO::INTERP_NEAREST;
        t.asBuffer = !t.linear;
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
    // Vulkan GLSL needs an explicit binding for every sampler OCIO declares.
    for (size_t i = 0; i < samplerNames_.size(); ++i) {
        const std::string& name = samplerNames_[i];
        const std::string binding = "layout(set = 0, binding = " + std::to_string(slot.firstBinding + i) + ")";
        if (!textures_[i].asBuffer) {
            text = std::regex_replace(text, std::regex("uniform (sampler[123]D) " + name + ";"),
                                      binding + " uniform $1 " + name + ";");
            continue;
        }
        // OCIO's tetrahedral code fetches only texel centres, with coordinates that are texel
        // indices (x fastest) plus one half, over the edge length: the texel is found by index.
        const std::string edge = std::to_string(textures_[i].shape.width);
        const std::string fetch = binding + " readonly buffer " + name + "Buffer { vec4 " + name + "Data[]; };\n" +
                                  "vec4 " + name + "Fetch(vec3 t) {\n    ivec3 i = clamp(ivec3(floor(t * " + edge +
                                  ".0)), ivec3(0), ivec3(" + edge + " - 1));\n    return " + name + "Data[(i.z * " + edge +
                                  " + i.y) * " + edge + " + i.x];\n}";
        text = std::regex_replace(text, std::regex("uniform sampler3D " + name + ";"), fetch);
        text = std::regex_replace(text, std::regex("texture\\(" + name + ", ([A-Za-z_][A-Za-z0-9_]*)\\)"),
                                  name + "Fetch($1)");
        if (text.find("texture(" + name) != std::string::npos)
            throw Error("internal error: " + what_ + ": OCIO's 3D LUT code samples in a way Tinct does not expect");
    }
    // Give this slot's function and resources their own names, so two OCIO steps can be fused.
    text = std::regex_replace(text, std::regex(kFunction), slot.functionName);
    text = std::regex_replace(text, std::regex(kPrefix), slot.functionName + "_");
    return text;
}

}  // namespace tinct
