#pragma once
#include <vulkan/vulkan.h>

#include <string>

namespace tinct {

// Readable name of a VkResult, for error messages.
const char* vulkanResultName(VkResult result);

// Throws tinct::Error("<what>: <result name>") unless result is VK_SUCCESS.
void vkCheck(VkResult result, const std::string& what);

}  // namespace tinct
