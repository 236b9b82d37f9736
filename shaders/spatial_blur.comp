#version 450
// One pass of a separable Gaussian blur with clamp-to-edge borders, on RGBA frames or mattes. The
// horizontal pass blurs `src` into `dst`. The vertical pass blurs `src` (the horizontally blurred
// frame) and writes orig + amount * (orig - blurred) into `dst`: amount -1 gives the blur itself,
// amount > 0 an unsharp-mask sharpen (of colour; alpha is kept). Each invocation reads `orig` only at
// its own pixel, so `dst` may be the same buffer as `orig`.
#extension GL_GOOGLE_include_directive : require
layout(local_size_x = 16, local_size_y = 16) in;

#include "texel.glsl"

layout(std430, set = 0, binding = 0) readonly buffer Source { Texel src[]; };
layout(std430, set = 0, binding = 1) buffer Original { Texel orig[]; };
layout(std430, set = 0, binding = 2) buffer Destination { Texel dst[]; };

layout(push_constant) uniform Push {
    uint width, height;
    int radius;
    float sigma;
    uint vertical;
    float amount;
} pc;

void main() {
    const ivec2 at = ivec2(gl_GlobalInvocationID.xy);
    if (at.x >= int(pc.width) || at.y >= int(pc.height)) return;
    const ivec2 step = pc.vertical != 0u ? ivec2(0, 1) : ivec2(1, 0);
    const ivec2 last = ivec2(pc.width, pc.height) - 1;
    Texel sum = Texel(0.0);
    float total = 0.0;
    for (int k = -pc.radius; k <= pc.radius; ++k) {
        const ivec2 p = clamp(at + k * step, ivec2(0), last);
        const float w = exp(-float(k * k) / (2.0 * pc.sigma * pc.sigma));
        sum += w * src[p.y * int(pc.width) + p.x];
        total += w;
    }
    const Texel blurred = sum / total;
    const uint i = uint(at.y) * pc.width + uint(at.x);
    if (pc.vertical == 0u) {
        dst[i] = blurred;
    } else {
        const Texel o = orig[i];
#if TINCT_CHANNELS == 1
        dst[i] = o + pc.amount * (o - blurred);
#else
        dst[i] = vec4(o.rgb + pc.amount * (o.rgb - blurred.rgb), o.a);
#endif
    }
}
