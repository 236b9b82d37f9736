#version 450
// Smoothness within a level: each block takes whichever of its own and its eight neighbours' vectors
// costs least, the cost being its match plus `lambda` per pixel of distance from the neighbours'
// vectors (a vector median weighed by the match). An isolated vector that only fits the noise gives
// way to its neighbours' motion; a true motion boundary keeps its vectors because they match.
#extension GL_GOOGLE_include_directive : require
layout(local_size_x = 8, local_size_y = 8) in;

layout(std430, set = 0, binding = 0) readonly buffer Cur { float cur[]; };
layout(std430, set = 0, binding = 1) readonly buffer Ref { float ref[]; };
layout(std430, set = 0, binding = 2) readonly buffer Source { vec4 src[]; };
layout(std430, set = 0, binding = 3) writeonly buffer Field { vec4 field[]; };

layout(push_constant) uniform Push {
    int width, height;
    int blocksX, blocksY;
    float lambda;
    float truncation;
    int matchLevels;
} pc;

#include "motion_block.glsl"

vec2 vectorAt(ivec2 b) {
    b = clamp(b, ivec2(0), ivec2(pc.blocksX - 1, pc.blocksY - 1));
    return src[b.y * pc.blocksX + b.x].xy;
}

void main() {
    const ivec2 b = ivec2(gl_GlobalInvocationID.xy);
    if (b.x >= pc.blocksX || b.y >= pc.blocksY) return;
    vec2 around[9];
    for (int k = 0; k < 9; ++k) around[k] = vectorAt(b + ivec2(k % 3 - 1, k / 3 - 1));
    vec2 best = around[4];
    float bestCost = 1e30, bestMatch = 0.0;
    for (int k = 0; k < 9; ++k) {
        const vec2 v = around[k];
        if (k != 4 && v == around[4]) continue;
        float spread = 0.0;
        for (int j = 0; j < 9; ++j) spread += abs(v.x - around[j].x) + abs(v.y - around[j].y);
        const float match = blockCost(b, v, pc.truncation, pc.matchLevels != 0);
        const float cost = match + pc.lambda * spread / 8.0;
        if (cost < bestCost) bestCost = cost, best = v, bestMatch = match;
    }
    field[b.y * pc.blocksX + b.x] = vec4(best, bestMatch, 0.0);
}
