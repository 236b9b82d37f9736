#version 450
// The next level of a luma pyramid: each value the mean of the 2 x 2 it covers (the last row and
// column repeat where the size is odd).
layout(local_size_x = 16, local_size_y = 16) in;

layout(std430, set = 0, binding = 0) readonly buffer Source { float src[]; };
layout(std430, set = 0, binding = 1) writeonly buffer Destination { float dst[]; };

layout(push_constant) uniform Push {
    int srcW, srcH, dstW, dstH;
} pc;

float at(ivec2 p) {
    p = min(p, ivec2(pc.srcW - 1, pc.srcH - 1));
    return src[p.y * pc.srcW + p.x];
}

void main() {
    const ivec2 p = ivec2(gl_GlobalInvocationID.xy);
    if (p.x >= pc.dstW || p.y >= pc.dstH) return;
    const ivec2 s = 2 * p;
    dst[p.y * pc.dstW + p.x] = 0.25 * (at(s) + at(s + ivec2(1, 0)) + at(s + ivec2(0, 1)) + at(s + ivec2(1, 1)));
}
