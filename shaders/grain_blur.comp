#version 450
// One pass of the grain's spatial character: a Gaussian of `sigma` pixels along a row (`vertical` 0)
// or a column, its taps normalised to keep the noise's deviation (the sum of their squares is 1 over
// both passes), so the grain's size changes and its strength does not. The frame's edges mirror.
layout(local_size_x = 16, local_size_y = 16) in;

layout(std430, set = 0, binding = 0) readonly buffer Source { vec4 src[]; };
layout(std430, set = 0, binding = 1) writeonly buffer Destination { vec4 dst[]; };

layout(push_constant) uniform Push {
    int width, height, radius, vertical;
    float sigma;
} pc;

int mirror(int i, int n) {
    if (i < 0) i = -i;
    if (i >= n) i = 2 * n - 2 - i;
    return clamp(i, 0, n - 1);
}

void main() {
    const ivec2 p = ivec2(gl_GlobalInvocationID.xy);
    if (p.x >= pc.width || p.y >= pc.height) return;
    vec4 sum = vec4(0.0);
    float squares = 0.0;
    for (int k = -pc.radius; k <= pc.radius; ++k) {
        const float w = exp(-0.5 * float(k * k) / (pc.sigma * pc.sigma));
        const ivec2 q = pc.vertical != 0 ? ivec2(p.x, mirror(p.y + k, pc.height)) : ivec2(mirror(p.x + k, pc.width), p.y);
        sum += w * src[q.y * pc.width + q.x];
        squares += w * w;
    }
    dst[p.y * pc.width + p.x] = sum / sqrt(squares);
}
