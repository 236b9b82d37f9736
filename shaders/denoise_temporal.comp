#version 450
// The temporal stage of denoise: frame n averaged with its motion-compensated neighbours, each
// weighted by how well its 3 x 3 patch matches n's in units of the noise. A true match differs by
// noise alone (a mean squared distance of 2 deviations squared); a wrong one (an occlusion, a
// vector off by a pixel at an edge) by far more, and counts for next to nothing, so moving edges do
// not ghost. Also writes how far the noise is reduced (the deviation of the average over the
// noise's), for the spatial stage.
#extension GL_GOOGLE_include_directive : require
layout(local_size_x = 16, local_size_y = 16) in;

layout(std430, set = 0, binding = 0) readonly buffer Cur { vec4 cur[]; };
layout(std430, set = 0, binding = 1) readonly buffer W0 { vec4 w0[]; };
layout(std430, set = 0, binding = 2) readonly buffer W1 { vec4 w1[]; };
layout(std430, set = 0, binding = 3) readonly buffer W2 { vec4 w2[]; };
layout(std430, set = 0, binding = 4) readonly buffer W3 { vec4 w3[]; };
layout(std430, set = 0, binding = 5) readonly buffer W4 { vec4 w4[]; };
layout(std430, set = 0, binding = 6) readonly buffer W5 { vec4 w5[]; };
layout(std430, set = 0, binding = 7) readonly buffer Noise { float noise[]; };
layout(std430, set = 0, binding = 8) writeonly buffer Averaged { vec4 averaged[]; };
layout(std430, set = 0, binding = 9) writeonly buffer Reduction { float reduction[]; };

layout(push_constant) uniform Push {
    int width, height;
    uint distinct;   // bit k: neighbour k is another frame (not n mirrored onto itself)
    float spread;    // how far past a true match's distance a patch may be: 2 x strength^2
} pc;

#include "noise_deviation.glsl"

const vec3 kLuma = vec3(0.2126, 0.7152, 0.0722);

int indexOf(ivec2 p) {
    p = clamp(p, ivec2(0), ivec2(pc.width - 1, pc.height - 1));
    return p.y * pc.width + p.x;
}

vec4 neighbour(int k, int i) {
    if (k == 0) return w0[i];
    if (k == 1) return w1[i];
    if (k == 2) return w2[i];
    if (k == 3) return w3[i];
    if (k == 4) return w4[i];
    return w5[i];
}

void main() {
    const ivec2 p = ivec2(gl_GlobalInvocationID.xy);
    if (p.x >= pc.width || p.y >= pc.height) return;
    const int o = p.y * pc.width + p.x;
    const vec4 c = cur[o];
    const vec3 inverse = 1.0 / noiseDeviation(dot(c.rgb, kLuma));
    vec3 sum = c.rgb;
    float weights = 1.0, squares = 1.0;
    for (int k = 0; k < 6; ++k) {
        if ((pc.distinct & (1u << k)) == 0u) continue;
        float distance = 0.0;
        for (int j = 0; j < 9; ++j) {
            const int q = indexOf(p + ivec2(j % 3 - 1, j / 3 - 1));
            const vec3 d = (cur[q].rgb - neighbour(k, q).rgb) * inverse;
            distance += dot(d, d);
        }
        distance /= 27.0;
        const float w = exp(-max(distance - 2.0, 0.0) / pc.spread);
        sum += w * neighbour(k, o).rgb;
        weights += w, squares += w * w;
    }
    averaged[o] = vec4(sum / weights, c.a);
    reduction[o] = sqrt(squares) / weights;
}
