#include "engine/scopes/ViewerAids.h"

namespace tinct {

std::string FalseColourStep::glsl(const StepSlot& slot) const {
    return "vec4 " + slot.functionName + "(vec4 c) { return tinct_false_colour(c); }\n";
}

std::string RangeWarningStep::glsl(const StepSlot& slot) const {
    return "vec4 " + slot.functionName + "(vec4 c) { return tinct_range_warning(c); }\n";
}

}  // namespace tinct
