#include "engine/color/OcioGpuStep.h"

#include <algorithm>

#include <cctype>
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

OCIO::GpuShaderDescRcPtr extract(const OCIO::ConstGPUProcessorRcPtr& gpuProcessor) {
    auto desc = OCIO::GpuShaderDesc::CreateShaderDesc();
    desc->setLanguage(OCIO::GPU_LANGUAGE_GLSL_4_0);
    desc->setFunctionName(kFunction);
    desc->setResourcePrefix(kPrefix);
    gpuProcessor->extractGpuShaderInfo(desc);
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
    // The GPU processor and its description stay alive with the step: the getters of their
    // uniforms read the GPU processor's dynamic properties.
    gpuProcessor_ = processor_->getOptimizedGPUProcessor(OCIO::OPTIMIZATION_DEFAULT);
    desc_ = extract(gpuProcessor_);
    const auto& desc = desc_;
    shaderText_ = desc->getShaderText();
    for (unsigned i = 0; i < desc->getNumUniforms(); ++i) {
        Uniform u;
        u.name = desc->getUniform(i, u.data);
        if (u.data.m_type == OCIO::UNIFORM_VECTOR_FLOAT || u.data.m_type == OCIO::UNIFORM_VECTOR_INT) {
            // The declaration's capacity (the data may be shorter): `uniform float NAME[N];`
            std::smatch m;
            if (!std::regex_search(shaderText_, m, std::regex("uniform \\w+ " + u.name + "\\[(\\d+)\\];")))
                throw Error("internal error: " + what_ + ": no declaration of OCIO array " + u.name);
            u.capacity = uint32_t(std::stoul(m[1]));
        } else if (u.data.m_type == OCIO::UNIFORM_UNKNOWN) {
            throw Error("internal error: " + what_ + ": OCIO uniform " + u.name + " of unknown type");
        }
        u.offset = uniformVec4s_;
        uniformVec4s_ += (u.capacity + 3) / 4;
        uniforms_.push_back(std::move(u));
    }
    static const std::regex constArray(R"(const (float|int) (\w+)\[(\d+)\] = (?:float|int)\[\d+\]\(([^)]*)\);)");
    for (auto it = std::sregex_iterator(shaderText_.begin(), shaderText_.end(), constArray); it != std::sregex_iterator(); ++it) {
        ConstArray a;
        a.isInt = (*it)[1] == "int";
        a.name = (*it)[2];
        const std::string list = (*it)[4];
        for (size_t at = 0; at < list.size();) {
            const size_t comma = std::min(list.find(',', at), list.size());
            a.values.push_back(std::stof(list.substr(at, comma - at)));  // ints here are small: exact in float
            at = comma + 1;
        }
        if (a.values.size() != std::stoul((*it)[3]))
            throw Error("internal error: " + what_ + ": OCIO table " + a.name + " has " + std::to_string(a.values.size()) +
                        " values for " + std::string((*it)[3]));
        a.offset = uniformVec4s_;
        uniformVec4s_ += uint32_t(a.values.size() + 3) / 4;
        constArrays_.push_back(std::move(a));
    }

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
        if (interpolation == OCIO::INTERP_TETRAHEDRAL) tetrahedral3d_.push_back(textureName);
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

std::vector<float> OcioGpuStep::params() const {
    std::vector<float> p(size_t(uniformVec4s_) * 4, 0.0f);
    for (const auto& u : uniforms_) {
        float* at = &p[size_t(u.offset) * 4];
        switch (u.data.m_type) {
            case OCIO::UNIFORM_DOUBLE: at[0] = float(u.data.m_getDouble()); break;
            case OCIO::UNIFORM_BOOL: at[0] = u.data.m_getBool() ? 1.0f : 0.0f; break;
            case OCIO::UNIFORM_FLOAT3: {
                const auto v = u.data.m_getFloat3();
                at[0] = v[0], at[1] = v[1], at[2] = v[2];
                break;
            }
            case OCIO::UNIFORM_VECTOR_FLOAT: {
                const int n = std::min<int>(u.data.m_vectorFloat.m_getSize(), int(u.capacity));
                const float* v = u.data.m_vectorFloat.m_getVector();
                for (int i = 0; i < n; ++i) at[i] = v[i];
                break;
            }
            case OCIO::UNIFORM_VECTOR_INT: {
                const int n = std::min<int>(u.data.m_vectorInt.m_getSize(), int(u.capacity));
                const int* v = u.data.m_vectorInt.m_getVector();
                for (int i = 0; i < n; ++i) at[i] = float(v[i]);  // small indices: exact in float
                break;
            }
            default: break;
        }
    }
    for (const auto& a : constArrays_) std::copy(a.values.begin(), a.values.end(), p.begin() + ptrdiff_t(a.offset) * 4);
    return p;
}

namespace {

// Rewrites every `name[index]` of `text` as `name_at(index)`, the index expression kept whole.
void indexAsCall(std::string& text, const std::string& name) {
    const std::string open = name + "[";
    for (size_t at = 0; (at = text.find(open, at)) != std::string::npos;) {
        if (at > 0 && (std::isalnum(static_cast<unsigned char>(text[at - 1])) || text[at - 1] == '_')) {
            at += open.size();
            continue;
        }
        size_t depth = 1, end = at + open.size();
        for (; end < text.size() && depth; ++end) depth += text[end] == '[' ? 1 : text[end] == ']' ? -1 : 0;
        text[end - 1] = ')';
        text.replace(at, open.size(), name + "_at(");
        at += name.size() + 4;
    }
}

}  // namespace

std::string OcioGpuStep::glsl(const StepSlot& slot) const {
    const auto key = std::make_tuple(slot.paramOffset, slot.firstBinding, slot.functionName);
    std::lock_guard lock(glslMutex_);
    if (auto it = glslBySlot_.find(key); it != glslBySlot_.end()) return it->second;
    std::string text = shaderText_;
    // OCIO's uniforms read this step's parameter buffer instead: scalars and vec3s as macros,
    // arrays through accessor functions.
    for (const auto& u : uniforms_) {
        const std::string base = std::to_string(slot.paramOffset + u.offset);
        std::string replacement;
        switch (u.data.m_type) {
            case OCIO::UNIFORM_DOUBLE: replacement = "#define " + u.name + " params[" + base + "].x"; break;
            case OCIO::UNIFORM_BOOL: replacement = "#define " + u.name + " (params[" + base + "].x != 0.0)"; break;
            case OCIO::UNIFORM_FLOAT3: replacement = "#define " + u.name + " params[" + base + "].xyz"; break;
            case OCIO::UNIFORM_VECTOR_FLOAT:
                replacement = "float " + u.name + "_at(int i) { return params[" + base + " + i / 4][i % 4]; }";
                break;
            case OCIO::UNIFORM_VECTOR_INT:
                replacement = "int " + u.name + "_at(int i) { return int(params[" + base + " + i / 4][i % 4]); }";
                break;
            default: break;
        }
        text = std::regex_replace(text, std::regex("uniform \\w+ " + u.name + "(\\[\\d+\\])?;"), replacement);
        if (u.data.m_type == OCIO::UNIFORM_VECTOR_FLOAT || u.data.m_type == OCIO::UNIFORM_VECTOR_INT) indexAsCall(text, u.name);
    }
    for (const auto& a : constArrays_) {
        const std::string base = std::to_string(slot.paramOffset + a.offset);
        const std::string read = "params[" + base + " + i / 4][i % 4]";
        const std::string accessor = a.isInt ? "int " + a.name + "_at(int i) { return int(" + read + "); }"
                                             : "float " + a.name + "_at(int i) { return " + read + "; }";
        text = std::regex_replace(text, std::regex("const (float|int) " + a.name + "\\[\\d+\\] = [^;]*;"), accessor);
        indexAsCall(text, a.name);
    }
    // A half-domain LUT's index takes the sign bit of the value: OCIO 2.1's shader tests f <= 0, which
    // sends +0.0 to the entry of -0.0 (its CPU path reads +0.0's own). Black pixels are common.
    text = std::regex_replace(text, std::regex(R"(step\(\s*(\w+)\s*,\s*0\.0\s*\)\s*\*\s*32768\.0)"),
                              "float(floatBitsToUint($1) >> 31u) * 32768.0");
    // OCIO's tetrahedral 3D LUT block, six branches of texture reads, becomes one call of LutSampling's
    // branch-free interpolation (the same arithmetic).
    for (const std::string& texture : tetrahedral3d_) {
        const std::string marker = "// Add LUT 3D processing for " + texture;
        const size_t at = text.find(marker);
        const size_t open = at == std::string::npos ? at : text.find('{', at);
        size_t close = open, depth = 0;
        for (; close != std::string::npos && close < text.size(); ++close) {
            if (text[close] == '{') ++depth;
            if (text[close] == '}' && --depth == 0) break;
        }
        if (open == std::string::npos || close >= text.size())
            throw Error("internal error: " + what_ + ": OCIO's 3D LUT code for " + texture + " is not as Tinct expects");
        const std::string sampler = texture + "Sampler";
        text.replace(open, close - open + 1, "{\n    outColor.rgb = " + sampler + "Tetrahedral(outColor.rgb);\n  }");
        const size_t declared = text.find("uniform sampler3D " + sampler + ";");
        if (declared == std::string::npos)
            throw Error("internal error: " + what_ + ": OCIO's 3D LUT " + texture + " is not declared as Tinct expects");
        const size_t i = size_t(std::find(samplerNames_.begin(), samplerNames_.end(), sampler) - samplerNames_.begin());
        if (i >= samplerNames_.size()) throw Error("internal error: " + what_ + ": no texture for " + sampler);
        const std::string sampling = lutSamplingGlsl(sampler, slot.firstBinding + uint32_t(i), textures_[i].shape, false) +
                                     lutTetrahedralGlsl(sampler, textures_[i].shape.width);
        text.replace(declared, ("uniform sampler3D " + sampler + ";").size(), sampling);
    }
    // Every other LUT OCIO declares as a sampler becomes a storage buffer read by LutSampling's
    // exact filtering; OCIO's calls `texture(NAME, coordinate)` become `NAMESample(coordinate)`.
    for (size_t i = 0; i < samplerNames_.size(); ++i) {
        const std::string& name = samplerNames_[i];
        const StepTexture& t = textures_[i];
        if (text.find(name + "Tetrahedral(") != std::string::npos) continue;  // declared above
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
    return glslBySlot_[key] = text;
}

}  // namespace tinct
