#version 450
// Histogram of R, G, B and luma: bin i of N counts values in [i/N, (i+1)/N), 1.0 in the last bin;
// below 0 and above 1 are counted apart. Each work group counts its share of the frame in shared
// memory, then adds its counts to the global ones, so global atomics are few.
#extension GL_GOOGLE_include_directive : require
layout(local_size_x = 256) in;
#include "scope_signal.glsl"

// counts[c * bins + i] for channel c = 0..3 (R, G, B, luma), then underflow[4], overflow[4].
layout(std430, set = 0, binding = 1) buffer Counts { uint counts[]; };

layout(push_constant) uniform Push {
    uint pixels;
    uint bins;   // at most 1024 in shared memory; more go straight to global counters
    vec2 krkb;
} pc;

const uint SHARED_BINS = 1024u;
shared uint local[4u * SHARED_BINS + 8u];

void count(uint slot) {
    if (pc.bins <= SHARED_BINS) atomicAdd(local[slot], 1u);
    else atomicAdd(counts[slot], 1u);
}

void main() {
    const uint sharedSlots = pc.bins <= SHARED_BINS ? 4u * pc.bins + 8u : 0u;
    for (uint i = gl_LocalInvocationID.x; i < sharedSlots; i += 256u) local[i] = 0u;
    barrier();
    const uint extra = 4u * pc.bins;  // underflow then overflow
    for (uint p = gl_GlobalInvocationID.x; p < pc.pixels; p += gl_NumWorkGroups.x * 256u) {
        const vec3 c = frame[p].rgb;
        const vec4 v = vec4(c, tinct_luma(c, pc.krkb));
        for (uint ch = 0u; ch < 4u; ++ch) {
            if (v[ch] < 0.0) count(extra + ch);
            else if (v[ch] > 1.0) count(extra + 4u + ch);
            else count(ch * pc.bins + min(uint(v[ch] * float(pc.bins)), pc.bins - 1u));
        }
    }
    barrier();
    for (uint i = gl_LocalInvocationID.x; i < sharedSlots; i += 256u)
        if (local[i] != 0u) atomicAdd(counts[i], local[i]);
}
