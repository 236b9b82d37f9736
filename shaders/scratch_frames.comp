#version 450
// The window's evidence per column, band and width: the median over its frames. A scratch is on the
// film and keeps its place in the frame; the picture moves, and a line of its own passing by is
// outvoted by the frames it is not in.
layout(local_size_x = 256) in;

layout(std430, set = 0, binding = 0) readonly buffer Profiles { float profiles[]; };  // [slot][class][band][x]
layout(std430, set = 0, binding = 1) writeonly buffer Window { float window[]; };    // [class][band][x]

layout(push_constant) uniform Push {
    uint count;     // classes x bands x columns
    uint rowPitch;
    uint frames;    // distinct frames in the window, up to 17
    uint slots[17]; // where each one's evidence is kept
} pc;

void main() {
    const uint i = gl_GlobalInvocationID.y * pc.rowPitch + gl_GlobalInvocationID.x;
    if (i >= pc.count) return;
    float v[17];
    for (uint f = 0u; f < pc.frames; ++f) {
        // Insertion sort: a handful of values.
        const float u = profiles[pc.slots[f] * pc.count + i];
        int j = int(f) - 1;
        while (j >= 0 && v[j] > u) {
            v[j + 1] = v[j];
            --j;
        }
        v[j + 1] = u;
    }
    const uint n = pc.frames;
    window[i] = (n % 2u) == 1u ? v[n / 2u] : 0.5 * (v[n / 2u - 1u] + v[n / 2u]);
}
