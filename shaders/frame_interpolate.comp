#version 450
// A frame rebuilt between two good frames a and b, a fraction t of the way from a to b, along the
// motion between them: the field from a to b and the field back, each read at the pixel and taken
// as the motion through it (the path of what is there is a straight line at a steady speed), each
// giving a sample of a and of b; the samples of a field whose way back misses count for less. Also
// writes how far the two sides disagree there (luma), what the rebuilt value may be off by.
#extension GL_GOOGLE_include_directive : require
layout(local_size_x = 16, local_size_y = 16) in;

layout(std430, set = 0, binding = 0) readonly buffer A { vec4 a[]; };
layout(std430, set = 0, binding = 1) readonly buffer B { vec4 b[]; };
layout(std430, set = 0, binding = 2) readonly buffer FieldAB { vec4 fieldAB[]; };
layout(std430, set = 0, binding = 3) readonly buffer FieldBA { vec4 fieldBA[]; };
layout(std430, set = 0, binding = 4) writeonly buffer Rebuilt { vec4 rebuilt[]; };
layout(std430, set = 0, binding = 5) writeonly buffer Disagreement { float disagreement[]; };

layout(push_constant) uniform Push {
    int width, height;
    int blocksX, blocksY;
    float t;
} pc;

#define FIELD_BUFFER fieldAB
#define fieldBlock fieldBlockAB
#define fieldAt fieldAtAB
#include "motion_field.glsl"
#undef FIELD_BUFFER
#undef fieldBlock
#undef fieldAt
#define FIELD_BUFFER fieldBA
#define fieldBlock fieldBlockBA
#define fieldAt fieldAtBA
#include "motion_field.glsl"

const vec3 kLuma = vec3(0.2126, 0.7152, 0.0722);

vec4 texelA(ivec2 p) {
    p = clamp(p, ivec2(0), ivec2(pc.width - 1, pc.height - 1));
    return a[p.y * pc.width + p.x];
}
vec4 texelB(ivec2 p) {
    p = clamp(p, ivec2(0), ivec2(pc.width - 1, pc.height - 1));
    return b[p.y * pc.width + p.x];
}

vec4 sampleA(vec2 at) {
    at = clamp(at, vec2(0.0), vec2(pc.width - 1, pc.height - 1));
    const ivec2 i = ivec2(floor(at));
    const vec2 f = at - vec2(i);
    return mix(mix(texelA(i), texelA(i + ivec2(1, 0)), f.x), mix(texelA(i + ivec2(0, 1)), texelA(i + ivec2(1, 1)), f.x), f.y);
}
vec4 sampleB(vec2 at) {
    at = clamp(at, vec2(0.0), vec2(pc.width - 1, pc.height - 1));
    const ivec2 i = ivec2(floor(at));
    const vec2 f = at - vec2(i);
    return mix(mix(texelB(i), texelB(i + ivec2(1, 0)), f.x), mix(texelB(i + ivec2(0, 1)), texelB(i + ivec2(1, 1)), f.x), f.y);
}

void main() {
    const ivec2 p = ivec2(gl_GlobalInvocationID.xy);
    if (p.x >= pc.width || p.y >= pc.height) return;
    const vec2 x = vec2(p);
    const vec4 forward = fieldAtAB(x), backward = fieldAtBA(x);
    // Along a -> b: what is at x now was at x - t v in a and will be at x + (1 - t) v in b.
    const vec4 a1 = sampleA(x - pc.t * forward.xy), b1 = sampleB(x + (1.0 - pc.t) * forward.xy);
    // Along b -> a (v' = -v): x + t v' ... in a, x - (1 - t) v' in b.
    const vec4 a2 = sampleA(x + pc.t * backward.xy), b2 = sampleB(x - (1.0 - pc.t) * backward.xy);
    const float w1 = 1.0 / (1.0 + forward.w), w2 = 1.0 / (1.0 + backward.w);
    const vec4 fromA = (w1 * a1 + w2 * a2) / (w1 + w2), fromB = (w1 * b1 + w2 * b2) / (w1 + w2);
    const int o = p.y * pc.width + p.x;
    rebuilt[o] = mix(fromA, fromB, pc.t);
    disagreement[o] = abs(dot(fromA.rgb - fromB.rgb, kLuma));
}
