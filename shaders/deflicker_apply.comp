#version 450
// Deflicker, last pass: each pixel's gain and offset interpolated bilinearly between region centres
// and applied to R, G and B (alpha is kept). The `correction` view shows what changed, five times
// over, about mid grey.
layout(local_size_x = 16, local_size_y = 16) in;

layout(std430, set = 0, binding = 0) readonly buffer Source { vec4 src[]; };
layout(std430, set = 0, binding = 1) readonly buffer Coefficients { vec4 coefficients[]; };
layout(std430, set = 0, binding = 2) writeonly buffer Destination { vec4 dst[]; };

layout(push_constant) uniform Push {
    int width, height;
    int regionSize;
    int regionsX, regionsY;
    uint view;  // 0: repaired, 1: correction
} pc;

vec4 coefficient(ivec2 r, int k) {
    r = clamp(r, ivec2(0), ivec2(pc.regionsX - 1, pc.regionsY - 1));
    return coefficients[(r.y * pc.regionsX + r.x) * 2 + k];
}

// a + (b - a) t rather than mix(): equal corners give exactly their value, so where nothing is
// corrected (gain 1, offset 0) every value comes back bit for bit.
vec3 lerp(vec3 a, vec3 b, float t) { return a + (b - a) * t; }

vec3 interpolated(vec2 q, int k) {
    const ivec2 i = ivec2(floor(q));
    const vec2 f = q - vec2(i);
    return lerp(lerp(coefficient(i, k).rgb, coefficient(i + ivec2(1, 0), k).rgb, f.x),
                lerp(coefficient(i + ivec2(0, 1), k).rgb, coefficient(i + ivec2(1, 1), k).rgb, f.x), f.y);
}

void main() {
    const ivec2 p = ivec2(gl_GlobalInvocationID.xy);
    if (p.x >= pc.width || p.y >= pc.height) return;
    const vec2 q = (vec2(p) + 0.5) / float(pc.regionSize) - 0.5;  // in regions, 0 at the first centre
    const int o = p.y * pc.width + p.x;
    const vec4 s = src[o];
    const vec3 corrected = interpolated(q, 0) * s.rgb + interpolated(q, 1);
    dst[o] = vec4(pc.view == 0u ? corrected : 0.5 + 5.0 * (corrected - s.rgb), s.a);
}
