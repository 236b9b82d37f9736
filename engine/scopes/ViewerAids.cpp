#include "engine/scopes/ViewerAids.h"

#include "engine/gpu/EmbeddedShaders.h"

namespace tinct {

namespace {

// The snippet, then the slot's function calling it. A second aid of the same kind in one kernel
// would repeat the snippet; the station puts at most one of each at the end of the chain.
std::string wrap(const char* snippet, const char* function, const StepSlot& slot) {
    return std::string(shaders::snippet(snippet)) + "vec4 " + slot.functionName + "(vec4 c) { return " + function +
           "(c); }\n";
}

}  // namespace

std::string FalseColourStep::glsl(const StepSlot& slot) const {
    return wrap("false_colour.glsl", "tinct_false_colour", slot);
}

std::string RangeWarningStep::glsl(const StepSlot& slot) const {
    return wrap("range_warning.glsl", "tinct_range_warning", slot);
}

}  // namespace tinct
