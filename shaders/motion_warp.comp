#version 450
// Motion compensation: frame `ref` brought onto the current frame along a vector field, each pixel
// sampled bilinearly at its own interpolated vector. `aux` gets the field's match error and
// consistency miss at the pixel, for the consumer to judge how far the warped value can be trusted.
#extension GL_GOOGLE_include_directive : require
layout(local_size_x = 16, local_size_y = 16) in;

layout(std430, set = 0, binding = 0) readonly buffer Ref { vec4 ref[]; };
layout(std430, set = 0, binding = 1) readonly buffer Field { vec4 vectors[]; };
layout(std430, set = 0, binding = 2) writeonly buffer Warped { vec4 warped[]; };
layout(std430, set = 0, binding = 3) writeonly buffer Aux { vec2 aux[]; };

layout(push_constant) uniform Push {
    int width, height;
    int blocksX, blocksY;
} pc;

#define FIELD_BUFFER vectors
#include "motion_field.glsl"

vec4 refAt(ivec2 p) {
    p = clamp(p, ivec2(0), ivec2(pc.width - 1, pc.height - 1));
    return ref[p.y * pc.width + p.x];
}

void main() {
    const ivec2 p = ivec2(gl_GlobalInvocationID.xy);
    if (p.x >= pc.width || p.y >= pc.height) return;
    const vec4 f = fieldAt(vec2(p));
    const vec2 at = clamp(vec2(p) + f.xy, vec2(0.0), vec2(pc.width - 1, pc.height - 1));
    const ivec2 i = ivec2(floor(at));
    const vec2 t = at - vec2(i);
    const vec4 v = mix(mix(refAt(i), refAt(i + ivec2(1, 0)), t.x), mix(refAt(i + ivec2(0, 1)), refAt(i + ivec2(1, 1)), t.x), t.y);
    const int o = p.y * pc.width + p.x;
    warped[o] = v;
    aux[o] = f.zw;
}
