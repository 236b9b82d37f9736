#pragma once
// Where a step's declared parameters sit in the kernel's parameter buffer, and the GLSL that reads
// them, both from the ParamDecls: nothing is laid out by hand in a node and again in a shader
// comment. In the order the step's snippet function takes them: a Number, Flag or Choice takes the
// next float of the current vec4; Rgb and Rgbm a vec4 of their own; a Polygon its vertex count (an
// int argument) and then its vertices, one vec4 each, padded to `maxPoints` (its base, a uint
// argument), so that a different number of vertices is a new value, not a new kernel.
#include <cstdint>
#include <string>
#include <vector>

#include "engine/kernel/Parameter.h"

namespace tinct {

class ParamPacking {
public:
    // `names`: the parameters the function takes, in its argument order; each must be declared.
    // Throws tinct::Error (internal) for an undeclared name or a Points parameter.
    ParamPacking(const std::vector<ParamDecl>& decls, std::vector<std::string> names, uint32_t maxPoints = 16);

    // The values as whole vec4s. A Choice packs its index among the choices; a Flag 0 or 1.
    std::vector<float> pack(const NodeParams& values) const;
    // The function's arguments reading a step's parameters from params[base ...], comma-separated:
    // "params[3].x, params[4].rgb, (params[3].y != 0.0), int(params[3].z), ...".
    std::string arguments(uint32_t base) const;
    uint32_t vec4Count() const { return vec4s_; }

private:
    struct Field {
        ParamDecl decl;
        uint32_t vec4 = 0, component = 0;  // a Polygon's count; its vertices follow from vec4 `points`
        uint32_t points = 0;
    };
    std::vector<Field> fields_;
    uint32_t vec4s_ = 0, maxPoints_;
};

}  // namespace tinct
