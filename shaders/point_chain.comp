#version 450
// The fused point kernel: one read and one write of the frame, with every point step of a run
// applied in between. Compiled at build time as it stands (no steps: the sanitising pass-through),
// and used at run time as the template that generated kernels fill in at the TINCT_ markers.
#extension GL_GOOGLE_include_directive : require

layout(local_size_x = 256) in;

layout(std430, set = 0, binding = 0) readonly buffer Source { vec4 src[]; };
layout(std430, set = 0, binding = 1) writeonly buffer Destination { vec4 dst[]; };
layout(std430, set = 0, binding = 2) readonly buffer Parameters { vec4 params[]; };

layout(push_constant) uniform Push {
    uint pixelCount;
    uint rowPitch;  // invocations per row of work groups: gl_NumWorkGroups.x * 256
} pc;

#include "sanitize.glsl"
#include "cdl.glsl"

// TINCT_STEP_FUNCTIONS

vec4 tinct_apply_steps(vec4 c) {
    // TINCT_STEP_CALLS
    return c;
}

void main() {
    uint i = gl_GlobalInvocationID.y * pc.rowPitch + gl_GlobalInvocationID.x;
    if (i >= pc.pixelCount) return;
    dst[i] = tinct_sanitize(tinct_apply_steps(tinct_sanitize(src[i])));
}
