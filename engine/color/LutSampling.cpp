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

std::string lutTetrahedralGlsl(const std::string& name, uint32_t size) {
    const std::string n = str(size);
    return "vec3 " + name + "Tetrahedral(vec3 rgb) {\n"
           "    const vec3 coords = rgb * float(" + n + " - 1);\n"
           "    const vec3 base = floor(coords);\n"
           "    const vec3 f = coords - base;\n"
           "    // The axes of the largest and smallest fraction; ties go opposite ways, so the two differ.\n"
           "    const ivec3 eMax = f.r >= f.g && f.r >= f.b ? ivec3(1, 0, 0) : f.g >= f.b ? ivec3(0, 1, 0) : ivec3(0, 0, 1);\n"
           "    const ivec3 eMin = f.b <= f.g && f.b <= f.r ? ivec3(0, 0, 1) : f.g <= f.r ? ivec3(0, 1, 0) : ivec3(1, 0, 0);\n"
           "    const float fMax = max(f.r, max(f.g, f.b)), fMin = min(f.r, min(f.g, f.b));\n"
           "    const float fMid = f.r + f.g + f.b - fMax - fMin;\n"
           "    const ivec3 b = ivec3(base);\n"
           "    // Texels are indexed (blue, green, red): red varies slowest.\n"
           "    const vec3 v1 = " + name + "Texel(b.zyx).rgb, v2 = " + name + "Texel((b + eMax).zyx).rgb;\n"
           "    const vec3 v3 = " + name + "Texel((b + ivec3(1) - eMin).zyx).rgb, v4 = " + name + "Texel((b + 1).zyx).rgb;\n"
           "    return (1.0 - fMax) * v1 + (fMax - fMid) * v2 + (fMid - fMin) * v3 + fMin * v4;\n"
           "}\n";
}

}  // namespace tinct
