#include "engine/color/LutSampling.h"

namespace tinct {

namespace {

std::string str(uint32_t v) { return std::to_string(v); }

}  // namespace

std::string lutSamplingGlsl(const std::string& name, uint32_t binding, const TextureShape& shape, bool linear) {
    const uint32_t d = shape.dimensions;
    const std::string size = "ivec3(" + str(shape.width) + ", " + str(shape.height) + ", " + str(shape.depth) + ")";
    const std::string coordType = d == 1 ? "float" : d == 2 ? "vec2" : "vec3";
    const std::string toVec3 = d == 1 ? "vec3(c, 0.5, 0.5)" : d == 2 ? "vec3(c, 0.5)" : "c";

    std::string s = "layout(set = 0, binding = " + str(binding) + ") readonly buffer " + name + "Buffer { vec4 " + name +
                    "Data[]; };\n";
    s += "vec4 " + name + "Texel(ivec3 i) {\n    i = clamp(i, ivec3(0), " + size + " - 1);\n    return " + name +
         "Data[(i.z * " + str(shape.height) + " + i.y) * " + str(shape.width) + " + i.x];\n}\n";
    s += "vec4 " + name + "Sample(" + coordType + " c) {\n    vec3 p = " + toVec3 + " * vec3(" + size + ")";
    if (!linear) return s + ";\n    return " + name + "Texel(ivec3(floor(p)));\n}\n";

    // Linear: the texel below and above along each sampled axis, weighted by the fraction.
    s += " - 0.5;\n    vec3 f = p - floor(p);\n    ivec3 i = ivec3(floor(p));\n";
    auto texel = [&](int dx, int dy, int dz) {
        return name + "Texel(i + ivec3(" + std::to_string(dx) + ", " + std::to_string(dy) + ", " + std::to_string(dz) + "))";
    };
    if (d == 1) {
        s += "    return mix(" + texel(0, 0, 0) + ", " + texel(1, 0, 0) + ", f.x);\n}\n";
    } else if (d == 2) {
        s += "    return mix(mix(" + texel(0, 0, 0) + ", " + texel(1, 0, 0) + ", f.x), mix(" + texel(0, 1, 0) + ", " +
             texel(1, 1, 0) + ", f.x), f.y);\n}\n";
    } else {
        s += "    vec4 near = mix(mix(" + texel(0, 0, 0) + ", " + texel(1, 0, 0) + ", f.x), mix(" + texel(0, 1, 0) + ", " +
             texel(1, 1, 0) + ", f.x), f.y);\n";
        s += "    vec4 far = mix(mix(" + texel(0, 0, 1) + ", " + texel(1, 0, 1) + ", f.x), mix(" + texel(0, 1, 1) + ", " +
             texel(1, 1, 1) + ", f.x), f.y);\n";
        s += "    return mix(near, far, f.z);\n}\n";
    }
    return s;
}

}  // namespace tinct
