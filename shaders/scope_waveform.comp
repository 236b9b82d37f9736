#version 450
// Waveform: for each scope column, how many pixels of the frame columns that fall in it have each
// signal level, for R, G, B and luma. One work group owns one scope column: it counts in shared
// memory and writes its column of the result without atomics on global memory.
#extension GL_GOOGLE_include_directive : require
layout(local_size_x = 256) in;
#include "scope_signal.glsl"

// counts[(ch * levels + level) * columns + column], ch = 0..3 (R, G, B, luma); level 0 is the
// bottom of the scale.
layout(std430, set = 0, binding = 1) writeonly buffer Counts { uint counts[]; };

layout(push_constant) uniform Push {
    uint frameWidth, frameHeight;
    uint columns, levels;  // levels at most 1024
    float low, high;       // signal at the bottom and top of the scale
    vec2 krkb;
} pc;

shared uint local[4u * 1024u];

void main() {
    const uint column = gl_WorkGroupID.x;
    for (uint i = gl_LocalInvocationID.x; i < 4u * pc.levels; i += 256u) local[i] = 0u;
    barrier();
    // The frame columns whose centre falls in this scope column (at least one).
    const uint x0 = (column * pc.frameWidth) / pc.columns;
    const uint x1 = max(x0 + 1u, ((column + 1u) * pc.frameWidth) / pc.columns);
    const uint span = x1 - x0;
    const float scale = float(pc.levels) / (pc.high - pc.low);
    for (uint i = gl_LocalInvocationID.x; i < span * pc.frameHeight; i += 256u) {
        const uint x = x0 + i % span, y = i / span;
        const vec3 c = frame[y * pc.frameWidth + x].rgb;
        const vec4 v = vec4(c, tinct_luma(c, pc.krkb));
        for (uint ch = 0u; ch < 4u; ++ch) {
            const float level = (v[ch] - pc.low) * scale;
            if (level >= 0.0 && level < float(pc.levels)) atomicAdd(local[ch * pc.levels + uint(level)], 1u);
        }
    }
    barrier();
    for (uint i = gl_LocalInvocationID.x; i < 4u * pc.levels; i += 256u)
        counts[i * pc.columns + column] = local[i];
}
