#version 450
// One level of hierarchical block matching, from `cur` to `ref`: each block tries the vectors the
// coarser level suggests (its own, its neighbours', none), searches around the best of them, and at
// the finest level refines to half then quarter pixels. The cost is the block's truncated mean
// difference plus `lambda` per pixel of departure from the coarser level's vector, so that vectors
// follow the motion of the scene rather than the grain.
#extension GL_GOOGLE_include_directive : require
layout(local_size_x = 8, local_size_y = 8) in;

layout(std430, set = 0, binding = 0) readonly buffer Cur { float cur[]; };
layout(std430, set = 0, binding = 1) readonly buffer Ref { float ref[]; };
layout(std430, set = 0, binding = 2) readonly buffer Coarse { vec4 coarse[]; };
layout(std430, set = 0, binding = 3) writeonly buffer Field { vec4 field[]; };

layout(push_constant) uniform Push {
    int width, height;    // this level, in pixels
    int blocksX, blocksY;  // this level's block grid
    int coarseX, coarseY;  // the coarser level's grid; 0: this is the coarsest level
    int radius;            // integer search around the best candidate
    int subpixel;          // 1: refine to quarter pixels
    float lambda;
    float truncation;
    int matchLevels;       // 1: blocks compared after equalising their means (see blockCost)
} pc;

#include "motion_block.glsl"

float match(ivec2 b, vec2 v) { return blockCost(b, v, pc.truncation, pc.matchLevels != 0); }

vec2 coarseVector(ivec2 b) {
    b = clamp(b, ivec2(0), ivec2(pc.coarseX - 1, pc.coarseY - 1));
    return 2.0 * coarse[b.y * pc.coarseX + b.x].xy;
}

void main() {
    const ivec2 b = ivec2(gl_GlobalInvocationID.xy);
    if (b.x >= pc.blocksX || b.y >= pc.blocksY) return;

    // The coarser level's vector at this block's centre, and the blocks around it there.
    vec2 predicted = vec2(0.0);
    ivec2 c0 = ivec2(0);
    if (pc.coarseX > 0) {
        const vec2 centre = (blockCentre(b) + 0.5) * 0.5 - 0.5;  // in the coarser level's pixels
        const vec2 q = clamp((centre - (0.5 * float(MOTION_STRIDE) - 0.5)) / float(MOTION_STRIDE), vec2(0.0),
                             vec2(pc.coarseX - 1, pc.coarseY - 1));
        c0 = ivec2(floor(q));
        const vec2 f = q - vec2(c0);
        predicted = mix(mix(coarseVector(c0), coarseVector(c0 + ivec2(1, 0)), f.x),
                        mix(coarseVector(c0 + ivec2(0, 1)), coarseVector(c0 + ivec2(1, 1)), f.x), f.y);
    }

    vec2 best = vec2(0.0);
    float bestCost = match(b, best) + pc.lambda * (abs(predicted.x) + abs(predicted.y));
    if (pc.coarseX > 0) {
        vec2 candidates[5] = vec2[5](predicted, coarseVector(c0), coarseVector(c0 + ivec2(1, 0)),
                                     coarseVector(c0 + ivec2(0, 1)), coarseVector(c0 + ivec2(1, 1)));
        for (int k = 0; k < 5; ++k) {
            const vec2 v = round(candidates[k]);
            const vec2 d = abs(v - predicted);
            const float cost = match(b, v) + pc.lambda * (d.x + d.y);
            if (cost < bestCost) bestCost = cost, best = v;
        }
    }

    const vec2 start = best;
    for (int y = -pc.radius; y <= pc.radius; ++y)
        for (int x = -pc.radius; x <= pc.radius; ++x) {
            if (x == 0 && y == 0) continue;
            const vec2 v = start + vec2(x, y);
            const vec2 d = abs(v - predicted);
            const float cost = match(b, v) + pc.lambda * (d.x + d.y);
            if (cost < bestCost) bestCost = cost, best = v;
        }

    if (pc.subpixel != 0) {
        for (float step = 0.5; step >= 0.25; step *= 0.5) {
            const vec2 around = best;
            for (int y = -1; y <= 1; ++y)
                for (int x = -1; x <= 1; ++x) {
                    if (x == 0 && y == 0) continue;
                    const vec2 v = around + step * vec2(x, y);
                    const vec2 d = abs(v - predicted);
                    const float cost = match(b, v) + pc.lambda * (d.x + d.y);
                    if (cost < bestCost) bestCost = cost, best = v;
                }
        }
        // Between quarter pixels: the vertex of a parabola through the costs a quarter either side,
        // each way (at most an eighth, where the next quarter-pixel would take over).
        const float c0 = match(b, best);
        for (int axis = 0; axis < 2; ++axis) {
            vec2 d = vec2(0.0);
            d[axis] = 0.25;
            const float lo = match(b, best - d), hi = match(b, best + d);
            const float curvature = lo - 2.0 * c0 + hi;
            if (curvature > 1e-7) best[axis] += clamp(0.125 * (lo - hi) / curvature, -0.125, 0.125);
        }
    }
    field[b.y * pc.blocksX + b.x] = vec4(best, match(b, best), 0.0);
}
