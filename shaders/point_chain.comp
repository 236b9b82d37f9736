#version 450
// The fused point kernel: one read and one write of the frame, with every point step of a run
// applied in between. Compiled at build time as it stands (no steps: the sanitising pass-through,
// in the four source/destination format variants), and used at run time as the template that
// generated kernels fill in at the TINCT_ markers.
#extension GL_GOOGLE_include_directive : require

// Frames in memory are RGBA32F or RGBA16F (half sources, half outputs), or one- and two-channel
// float frames (mattes, motion fields) between frame steps; the kernel works in float.
#ifndef TINCT_SOURCE_HALF
#define TINCT_SOURCE_HALF 0
#endif
#ifndef TINCT_DESTINATION_HALF
#define TINCT_DESTINATION_HALF 0
#endif
// A kernel that feeds a frame step taking a matte (1) or a motion field (2) writes only those channels.
#ifndef TINCT_POSITIONAL
#define TINCT_POSITIONAL 0
#endif
#ifndef TINCT_READS_SOURCE
#define TINCT_READS_SOURCE 1
#endif
#ifndef TINCT_DESTINATION_CHANNELS
#define TINCT_DESTINATION_CHANNELS 4
#endif

layout(local_size_x = 256) in;

#include "sanitize.glsl"
#include "half.glsl"

#if TINCT_SOURCE_HALF
layout(std430, set = 0, binding = 0) readonly buffer Source { uvec2 src[]; };
vec4 tinct_load(uint i) { return tinct_unpack_half4(src[i]); }
#else
layout(std430, set = 0, binding = 0) readonly buffer Source { vec4 src[]; };
vec4 tinct_load(uint i) { return src[i]; }
#endif

#if TINCT_DESTINATION_CHANNELS == 1
layout(std430, set = 0, binding = 1) writeonly buffer Destination { float dst[]; };
void tinct_store(uint i, vec4 c) { dst[i] = c.x; }
#elif TINCT_DESTINATION_CHANNELS == 2
layout(std430, set = 0, binding = 1) writeonly buffer Destination { vec2 dst[]; };
void tinct_store(uint i, vec4 c) { dst[i] = c.xy; }
#elif TINCT_DESTINATION_HALF
layout(std430, set = 0, binding = 1) writeonly buffer Destination { uvec2 dst[]; };
// Beyond +-65504 a half is infinite, and an output must not gain an Inf the source did not have.
void tinct_store(uint i, vec4 c) {
    c = clamp(c, vec4(-TINCT_HALF_MAX), vec4(TINCT_HALF_MAX));
    dst[i] = tinct_pack_half4(c);
}
#else
layout(std430, set = 0, binding = 1) writeonly buffer Destination { vec4 dst[]; };
void tinct_store(uint i, vec4 c) { dst[i] = c; }
#endif

layout(std430, set = 0, binding = 2) readonly buffer Parameters { vec4 params[]; };

layout(push_constant) uniform Push {
    uint pixelCount;
    uint rowPitch;    // invocations per row of work groups: gl_NumWorkGroups.x * 256
    uint firstPixel;  // of this dispatch's chunk, in the frame
    uint width, height;
} pc;

// Where the pixel is, for steps whose result depends on it (windows).
ivec2 tinct_pixel;
ivec2 tinct_frame_size;

// TINCT_FRAME_INPUTS

// TINCT_STEP_FUNCTIONS

vec4 tinct_apply_steps(vec4 c, uint i) {
    // TINCT_STEP_CALLS
    return c;
}

void main() {
    uint i = gl_GlobalInvocationID.y * pc.rowPitch + gl_GlobalInvocationID.x;
    if (i >= pc.pixelCount) return;
#if TINCT_POSITIONAL
    // Only for steps that depend on where the pixel is (windows): a division per pixel is costly
    // where there is no vector integer division (CPU devices).
    const uint p = pc.firstPixel + i;
    tinct_pixel = ivec2(p % pc.width, p / pc.width);
    tinct_frame_size = ivec2(pc.width, pc.height);
#endif
#if TINCT_READS_SOURCE
    const vec4 c = tinct_sanitize(tinct_load(i));
#else
    const vec4 c = vec4(0.0);  // a kernel that needs only frames it is given: the source is not read
#endif
    tinct_store(i, tinct_sanitize(tinct_apply_steps(c, i)));
}
