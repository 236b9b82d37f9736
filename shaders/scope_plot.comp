#version 450
// Vectorscope and CIE 1931 xy plots: each pixel lands on one cell of a square or rectangular grid
// (too large for shared memory, so counted with global atomics).
//   mode 0, vectorscope: Cb/Cr of the R'G'B' signal, scaled by zoom x reach, Cr up.
//   mode 1, CIE: R'G'B' decoded to linear by the transfer function, to XYZ by the matrix, to xy.
#extension GL_GOOGLE_include_directive : require
layout(local_size_x = 256) in;
#include "scope_signal.glsl"

layout(std430, set = 0, binding = 1) buffer Counts { uint counts[]; };

layout(push_constant) uniform Push {
    mat4 toXyz;        // mode 1: linear RGB to XYZ (upper 3x3)
    uint pixels, width, height, mode;
    vec2 krkb;         // mode 0
    float zoom;        // mode 0
    uint transfer;     // mode 1: 0 linear, 1 sRGB, 2 gamma 2.4, 3 gamma 2.6, 4 PQ (ST 2084)
    vec4 window;       // mode 1: x0, y0, x1, y1 of the plotted xy area
} pc;

float decode(float v) {
    if (pc.transfer == 1u) return v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4);
    if (pc.transfer == 2u) return pow(max(v, 0.0), 2.4);
    if (pc.transfer == 3u) return pow(max(v, 0.0), 2.6);
    if (pc.transfer == 4u) {
        const float m1 = 2610.0 / 16384.0, m2 = 2523.0 / 4096.0 * 128.0;
        const float c1 = 3424.0 / 4096.0, c2 = 2413.0 / 4096.0 * 32.0, c3 = 2392.0 / 4096.0 * 32.0;
        const float p = pow(clamp(v, 0.0, 1.0), 1.0 / m2);
        return pow(max(p - c1, 0.0) / (c2 - c3 * p), 1.0 / m1);
    }
    return v;
}

void main() {
    for (uint p = gl_GlobalInvocationID.x; p < pc.pixels; p += gl_NumWorkGroups.x * 256u) {
        const vec3 c = frame[p].rgb;
        vec2 at;  // 0..1 across and up the plot
        if (pc.mode == 0u) {
            const float y = tinct_luma(c, pc.krkb);
            const vec2 cbcr = vec2((c.b - y) / (2.0 * (1.0 - pc.krkb.y)), (c.r - y) / (2.0 * (1.0 - pc.krkb.x)));
            at = cbcr * pc.zoom + 0.5;
        } else {
            const vec3 xyz = mat3(pc.toXyz) * vec3(decode(c.r), decode(c.g), decode(c.b));
            const float sum = xyz.x + xyz.y + xyz.z;
            if (!(sum > 1e-6)) continue;  // black has no chromaticity
            at = (xyz.xy / sum - pc.window.xy) / (pc.window.zw - pc.window.xy);
        }
        if (any(lessThan(at, vec2(0.0))) || any(greaterThan(at, vec2(1.0)))) continue;
        const uint column = min(uint(at.x * float(pc.width)), pc.width - 1u);
        const uint row = min(uint((1.0 - at.y) * float(pc.height)), pc.height - 1u);
        atomicAdd(counts[row * pc.width + column], 1u);
    }
}
