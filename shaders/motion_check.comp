#version 450
// Forward/backward consistency: a block's vector to the other frame, followed by that frame's vector
// back, should return where it started. Writes the field with the distance it misses by in .w (0
// where there is no backward field: `hasBackward` 0).
#extension GL_GOOGLE_include_directive : require
layout(local_size_x = 64) in;

layout(std430, set = 0, binding = 0) readonly buffer Forward { vec4 forward[]; };
layout(std430, set = 0, binding = 1) readonly buffer Backward { vec4 backward[]; };
layout(std430, set = 0, binding = 2) writeonly buffer Checked { vec4 checked[]; };

layout(push_constant) uniform Push {
    int blocksX, blocksY;
    int hasBackward;
} pc;

#define FIELD_BUFFER backward
#include "motion_field.glsl"

void main() {
    const int i = int(gl_GlobalInvocationID.x);
    if (i >= pc.blocksX * pc.blocksY) return;
    const ivec2 b = ivec2(i % pc.blocksX, i / pc.blocksX);
    const vec4 f = forward[i];
    float miss = 0.0;
    if (pc.hasBackward != 0) {
        const vec2 centre = vec2(b * 4) + 1.5;  // blockCentre (motion_block.glsl)
        miss = length(f.xy + fieldAt(centre + f.xy).xy);
    }
    checked[i] = vec4(f.xyz, miss);
}
