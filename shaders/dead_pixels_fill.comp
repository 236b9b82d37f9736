#version 450
// The repair, from the frame itself: inside the matte each pixel becomes the mean of the pixels
// outside it within `reach`, weighted by the inverse fourth power of their distance (the nearest
// ones count most: a defect of a pixel or two lies within the picture's own detail). Outside the
// matte the frame is untouched, bit for bit. The matte variant (TINCT_CHANNELS 1) writes the matte,
// for nodes that take it as theirs.
#extension GL_GOOGLE_include_directive : require
layout(local_size_x = 16, local_size_y = 16) in;

#include "texel.glsl"

layout(std430, set = 0, binding = 0) readonly buffer Cur { vec4 cur[]; };
layout(std430, set = 0, binding = 1) readonly buffer Matte { float matte[]; };
layout(std430, set = 0, binding = 2) writeonly buffer Destination { Texel dst[]; };

layout(push_constant) uniform Push {
    int width, height, reach;
    uint view;  // 0: the repaired frame, 1: the matte as a picture, 2: the repair overlaid in red
} pc;

void main() {
    const ivec2 at = ivec2(gl_GlobalInvocationID.xy);
    if (at.x >= pc.width || at.y >= pc.height) return;
    const int i = at.y * pc.width + at.x;
    const float m = matte[i];
#if TINCT_CHANNELS == 1
    dst[i] = m;
#else
    const vec4 c = cur[i];
    if (pc.view == 1u) {
        dst[i] = vec4(vec3(m), 1.0);
        return;
    }
    vec4 repaired = c;
    if (m > 0.0) {
        vec3 sum = vec3(0.0);
        float weights = 0.0;
        for (int dy = -pc.reach; dy <= pc.reach; ++dy)
            for (int dx = -pc.reach; dx <= pc.reach; ++dx) {
                const ivec2 p = at + ivec2(dx, dy);
                if (p.x < 0 || p.y < 0 || p.x >= pc.width || p.y >= pc.height) continue;
                const int j = p.y * pc.width + p.x;
                if (matte[j] > 0.0) continue;
                const vec3 v = cur[j].rgb;
                if (any(isnan(v)) || any(isinf(v))) continue;
                const float d2 = float(dx * dx + dy * dy);
                const float w = 1.0 / (d2 * d2);
                sum += w * v, weights += w;
            }
        if (weights > 0.0) repaired.rgb = mix(c.rgb, sum / weights, m);
    }
    if (pc.view == 2u && m > 0.0) repaired.rgb = mix(repaired.rgb, vec3(1.0, 0.1, 0.1), 0.6 * m);
    dst[i] = repaired;
#endif
}
