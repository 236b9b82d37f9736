#pragma once
// One shader compiled for each set of specialisation-constant values it is asked for, kept: a pass
// whose layout is fixed for a stream (media's YUV and RGB passes) is compiled once for it and found
// again for every frame after. Safe from several threads.
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "engine/gpu/ComputeKernel.h"

namespace tinct {

class SpecialisedKernels {
public:
    // `shader`: the embedded SPIR-V's name; the rest as ComputeKernel takes them.
    SpecialisedKernels(GpuContext& gpu, std::string shader, std::vector<BindingKind> layout, uint32_t pushConstantBytes);
    const ComputeKernel& get(const std::vector<uint32_t>& specialisation) const;

private:
    GpuContext& gpu_;
    std::string shader_;
    std::vector<BindingKind> layout_;
    uint32_t pushConstantBytes_;
    mutable std::mutex mutex_;
    mutable std::map<std::vector<uint32_t>, std::unique_ptr<ComputeKernel>> kernels_;
};

}  // namespace tinct
