#version 450
// The repair: inside the matte, each channel becomes the median of the motion-compensated neighbours
// n-2 .. n+2 that can be trusted, so the fill carries grain and texture from the frames around it;
// outside, the frame is untouched, bit for bit. The matte is the detection grown by `grow` pixels
// with a half-strength ring one pixel further (grown by grow + 1), a soft edge that hides the seam.
// The matte variant (TINCT_CHANNELS 1) writes the matte, for nodes that take it as theirs.
#extension GL_GOOGLE_include_directive : require
layout(local_size_x = 256) in;

#include "texel.glsl"

layout(std430, set = 0, binding = 0) readonly buffer Cur { vec4 cur[]; };
layout(std430, set = 0, binding = 1) readonly buffer W0 { vec4 w0[]; };
layout(std430, set = 0, binding = 2) readonly buffer W1 { vec4 w1[]; };
layout(std430, set = 0, binding = 3) readonly buffer W2 { vec4 w2[]; };
layout(std430, set = 0, binding = 4) readonly buffer W3 { vec4 w3[]; };
layout(std430, set = 0, binding = 5) readonly buffer A0 { vec2 a0[]; };
layout(std430, set = 0, binding = 6) readonly buffer A1 { vec2 a1[]; };
layout(std430, set = 0, binding = 7) readonly buffer A2 { vec2 a2[]; };
layout(std430, set = 0, binding = 8) readonly buffer A3 { vec2 a3[]; };
layout(std430, set = 0, binding = 9) readonly buffer Grown { float grown[]; };
layout(std430, set = 0, binding = 10) readonly buffer GrownMore { float grownMore[]; };
layout(std430, set = 0, binding = 11) writeonly buffer Destination { Texel dst[]; };

layout(push_constant) uniform Push {
    uint pixelCount;
    uint rowPitch;
    float maxMiss;
    uint view;      // 0: the repaired frame, 1: the matte as a picture, 2: the repair overlaid in red
    uint distinct;  // bit k: neighbour k is another frame (dust_detect.comp)
} pc;

void order(inout vec4 a, inout vec4 b) {
    const vec4 lo = min(a, b);
    b = max(a, b);
    a = lo;
}

void main() {
    const uint i = gl_GlobalInvocationID.y * pc.rowPitch + gl_GlobalInvocationID.x;
    if (i >= pc.pixelCount) return;
    const float m = 0.5 * (grown[i] + grownMore[i]);
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
        vec4 v[4];
        int n = 0;
        if ((pc.distinct & 1u) != 0u && a0[i].y <= pc.maxMiss) v[n++] = w0[i];
        if ((pc.distinct & 2u) != 0u && a1[i].y <= pc.maxMiss) v[n++] = w1[i];
        if ((pc.distinct & 4u) != 0u && a2[i].y <= pc.maxMiss) v[n++] = w2[i];
        if ((pc.distinct & 8u) != 0u && a3[i].y <= pc.maxMiss) v[n++] = w3[i];
        if (n >= 2) {
            vec4 fill;
            if (n == 4) {
                vec4 a = v[0], b = v[1], d = v[2], e = v[3];
                order(a, b); order(d, e); order(a, d); order(b, e);  // a least, e greatest
                fill = 0.5 * (b + d);
            } else if (n == 3) {
                fill = max(min(v[0], v[1]), min(max(v[0], v[1]), v[2]));
            } else {
                fill = 0.5 * (v[0] + v[1]);
            }
            repaired = vec4(mix(c.rgb, fill.rgb, m), c.a);
        }
    }
    if (pc.view == 2u && m > 0.0) repaired.rgb = mix(repaired.rgb, vec3(1.0, 0.1, 0.1), 0.6 * m);
    dst[i] = repaired;
#endif
}
