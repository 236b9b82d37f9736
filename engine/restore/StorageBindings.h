#pragma once
// The restoration kernels bind nothing but storage buffers: their layouts and bindings in one word.
#include <vector>

#include "engine/gpu/ComputeKernel.h"

namespace tinct {

inline std::vector<BindingKind> storageLayout(size_t bindings) {
    return std::vector<BindingKind>(bindings, BindingKind::StorageBuffer);
}

inline Binding storageBinding(VkBuffer buffer) { return {BindingKind::StorageBuffer, buffer}; }

}  // namespace tinct
