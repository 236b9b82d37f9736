#version 450
// A small copy of an RGBA32F frame for node thumbnails: each output pixel is the mean of the source
// pixels whose centres fall inside it (any size ratio), NaN and Inf replaced first as the kernels
// replace them, so one bad pixel cannot blank a thumbnail.
#extension GL_GOOGLE_include_directive : require
layout(local_size_x = 16, local_size_y = 16) in;

#include "sanitize.glsl"

layout(std430, set = 0, binding = 0) readonly buffer Source { vec4 source[]; };
layout(std430, set = 0, binding = 1) writeonly buffer Small { vec4 small[]; };

layout(push_constant) uniform Push {
    int sourceW, sourceH, smallW, smallH;
} pc;

// The first source index whose centre (i + 0.5) * small / source is at least `o`: the centres of
// [first(o), first(o + 1)) fall in output pixel o. In integers, so no rounding decides a border.
int first(int o, int small, int src) { return max(0, (2 * o * src - small + 2 * small - 1) / (2 * small)); }

void main() {
    const ivec2 p = ivec2(gl_GlobalInvocationID.xy);
    if (p.x >= pc.smallW || p.y >= pc.smallH) return;
    const int x0 = first(p.x, pc.smallW, pc.sourceW), x1 = min(first(p.x + 1, pc.smallW, pc.sourceW), pc.sourceW);
    const int y0 = first(p.y, pc.smallH, pc.sourceH), y1 = min(first(p.y + 1, pc.smallH, pc.sourceH), pc.sourceH);
    vec4 sum = vec4(0.0);
    for (int y = y0; y < y1; ++y) {
        vec4 row = vec4(0.0);
        for (int x = x0; x < x1; ++x) row += tinct_sanitize(source[y * pc.sourceW + x]);
        sum += row;
    }
    small[p.y * pc.smallW + p.x] = sum / float(max((x1 - x0) * (y1 - y0), 1));
}
