#version 450
// A repair matte packed one bit per pixel (set where the matte is above 0), row by row, each row
// starting a new word: what the host counts repairs from (engine/graph/RepairTally), 32 times fewer
// bytes to bring back than the matte itself.
layout(local_size_x = 64) in;

layout(std430, set = 0, binding = 0) readonly buffer Matte { float matte[]; };
layout(std430, set = 0, binding = 1) writeonly buffer Bits { uint bits[]; };

layout(push_constant) uniform Push {
    uint width, height, wordsPerRow;
} pc;

void main() {
    const uint word = gl_GlobalInvocationID.x, y = gl_GlobalInvocationID.y;
    if (word >= pc.wordsPerRow || y >= pc.height) return;
    uint w = 0u;
    const uint x0 = word * 32u;
    const uint n = min(32u, pc.width - x0);
    for (uint b = 0u; b < n; ++b)
        if (matte[y * pc.width + x0 + b] > 0.0) w |= 1u << b;
    bits[y * pc.wordsPerRow + word] = w;
}
