#include "engine/gpu/SpecialisedKernels.h"

#include "engine/gpu/EmbeddedShaders.h"

namespace tinct {

SpecialisedKernels::SpecialisedKernels(GpuContext& gpu, std::string shader, std::vector<BindingKind> layout,
                                       uint32_t pushConstantBytes)
    : gpu_(gpu), shader_(std::move(shader)), layout_(std::move(layout)), pushConstantBytes_(pushConstantBytes) {}

const ComputeKernel& SpecialisedKernels::get(const std::vector<uint32_t>& specialisation) const {
    std::lock_guard lock(mutex_);
    auto& kernel = kernels_[specialisation];
    if (!kernel)
        kernel = std::make_unique<ComputeKernel>(gpu_, shaders::spirv(shader_), layout_, pushConstantBytes_, shader_, specialisation);
    return *kernel;
}

}  // namespace tinct
