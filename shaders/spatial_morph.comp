#version 450
// One pass of a separable square max (grow) or min (shrink) filter with clamp-to-edge borders, for
// cleaning up mattes (or RGBA frames): a square of half-width r is a row pass then a column pass of
// width 2r+1.
#extension GL_GOOGLE_include_directive : require
layout(local_size_x = 16, local_size_y = 16) in;

#include "texel.glsl"

layout(std430, set = 0, binding = 0) readonly buffer Source { Texel src[]; };
layout(std430, set = 0, binding = 1) writeonly buffer Destination { Texel dst[]; };

layout(push_constant) uniform Push {
    uint width, height;
    int radius;
    uint vertical;
    uint grow;  // 1: max, 0: min
} pc;

void main() {
    const ivec2 at = ivec2(gl_GlobalInvocationID.xy);
    if (at.x >= int(pc.width) || at.y >= int(pc.height)) return;
    const ivec2 step = pc.vertical != 0u ? ivec2(0, 1) : ivec2(1, 0);
    const ivec2 last = ivec2(pc.width, pc.height) - 1;
    Texel v = src[at.y * int(pc.width) + at.x];
    for (int k = -pc.radius; k <= pc.radius; ++k) {
        const ivec2 p = clamp(at + k * step, ivec2(0), last);
        const Texel s = src[p.y * int(pc.width) + p.x];
        v = pc.grow != 0u ? max(v, s) : min(v, s);
    }
    dst[uint(at.y) * pc.width + uint(at.x)] = v;
}
