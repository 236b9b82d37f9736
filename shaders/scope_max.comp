#version 450
// The largest count in a range of a count buffer, which the drawing normalises by; it stays on
// the GPU.
layout(local_size_x = 256) in;

layout(std430, set = 0, binding = 0) readonly buffer Counts { uint counts[]; };
layout(std430, set = 0, binding = 1) buffer Maxima { uint maxima[]; };

layout(push_constant) uniform Push {
    uint offset, count, slot;
} pc;

shared uint best;

void main() {
    if (gl_LocalInvocationID.x == 0u) best = 0u;
    barrier();
    uint m = 0u;
    for (uint i = gl_GlobalInvocationID.x; i < pc.count; i += gl_NumWorkGroups.x * 256u) m = max(m, counts[pc.offset + i]);
    atomicMax(best, m);
    barrier();
    if (gl_LocalInvocationID.x == 0u) atomicMax(maxima[pc.slot], best);
}
