#pragma once
// Any OpenColorIO processor as a fusable point step: OCIO writes the GLSL and the LUT textures
// (GpuShaderDesc), Tinct gives the samplers Vulkan bindings and uploads the textures at full float
// precision. File LUTs, colour spaces, displays and looks all reach the GPU through this one path.
// A processor with dynamic properties (OCIO's Grading* transforms made dynamic) declares uniforms;
// they become values in the kernel's parameter buffer, so the shader text does not depend on them
// and a new value costs no compile.
#include <OpenColorIO/OpenColorIO.h>

#include <map>
#include <mutex>
#include <string>
#include <tuple>

#include "engine/kernel/PointStep.h"

namespace tinct {

class OcioGpuStep : public PointStep {
public:
    // `what` names the step for plans and errors ("LUT show.cube (tetrahedral)").
    OcioGpuStep(OCIO_NAMESPACE::ConstProcessorRcPtr processor, std::string what);

    std::string describe() const override { return what_; }
    std::string glsl(const StepSlot& slot) const override;
    std::vector<float> params() const override;
    const std::vector<StepTexture>& textures() const override { return textures_; }

    OCIO_NAMESPACE::ConstProcessorRcPtr processor() const { return processor_; }

private:
    OCIO_NAMESPACE::ConstProcessorRcPtr processor_;
    OCIO_NAMESPACE::ConstGPUProcessorRcPtr gpuProcessor_;
    OCIO_NAMESPACE::GpuShaderDescRcPtr desc_;
    std::string what_;
    std::vector<StepTexture> textures_;
    std::vector<std::string> samplerNames_;  // in texture order
    std::vector<std::string> tetrahedral3d_; // texture names of the 3D LUTs OCIO interpolates tetrahedrally
    struct Uniform {
        std::string name;
        OCIO_NAMESPACE::GpuShaderDesc::UniformData data;  // its type, and getters of its current value
        uint32_t offset = 0;                              // first vec4 in the step's parameters
        uint32_t capacity = 1;                            // array elements declared (1 for scalars)
    };
    std::vector<Uniform> uniforms_;
    // OCIO's constant tables (the B-spline knots and coefficients of ACES tone curves, indexed in
    // loops), moved into the parameter buffer: a constant array indexed at run time is copied into
    // every invocation's private memory, which made an ACES output transform 40x slower on lavapipe.
    struct ConstArray {
        std::string name;
        bool isInt = false;
        std::vector<float> values;
        uint32_t offset = 0;  // first vec4 in the step's parameters
    };
    std::vector<ConstArray> constArrays_;
    uint32_t uniformVec4s_ = 0;
    std::string shaderText_;
    // The text for a slot, kept: structure checks of a parameter edit (FusedKernel::accepts) ask
    // for it on every edit, and the renaming by regular expressions was most of an edit's CPU time.
    mutable std::mutex glslMutex_;
    mutable std::map<std::tuple<uint32_t, uint32_t, std::string>, std::string> glslBySlot_;
};

// The step for `processor`, shared by every request with the same processor (OCIO's cache id) and
// description: its shader text and LUT textures are extracted once per process.
std::shared_ptr<const OcioGpuStep> sharedOcioGpuStep(OCIO_NAMESPACE::ConstProcessorRcPtr processor, const std::string& what);

}  // namespace tinct
