#version 450
// White Gaussian noise, the seed of synthesised grain: per pixel four independent values (one
// shared by the channels, one for each), from a hash of the pixel, the frame number and the seed, so
// frame n's grain is the same whichever order, chunk or machine makes it.
layout(local_size_x = 16, local_size_y = 16) in;

layout(std430, set = 0, binding = 0) writeonly buffer Noise { vec4 noise[]; };

layout(push_constant) uniform Push {
    int width, height;
    uint frameLow, frameHigh;  // the frame number's two halves
    uint seed;
} pc;

// PCG's output permutation over a 32-bit state: a well-mixed hash of one word.
uint hash(uint v) {
    const uint state = v * 747796405u + 2891336453u;
    const uint word = ((state >> ((state >> 28u) + 4u)) ^ state) * 277803737u;
    return (word >> 22u) ^ word;
}

float uniform01(inout uint h) {
    h = hash(h);
    return (float(h >> 8) + 0.5) / 16777216.0;  // (0, 1)
}

void main() {
    const ivec2 p = ivec2(gl_GlobalInvocationID.xy);
    if (p.x >= pc.width || p.y >= pc.height) return;
    uint h = hash(uint(p.x) ^ hash(uint(p.y) ^ hash(pc.frameLow ^ hash(pc.frameHigh ^ hash(pc.seed)))));
    vec4 n;
    for (int k = 0; k < 4; k += 2) {  // Box-Muller: two normal values from two uniform ones
        const float r = sqrt(-2.0 * log(uniform01(h))), a = 6.28318530718 * uniform01(h);
        n[k] = r * cos(a), n[k + 1] = r * sin(a);
    }
    noise[p.y * pc.width + p.x] = n;
}
