#version 450
// The spatial stage of denoise, and the result: non-local means over a (2R+1)^2 window of the
// temporally averaged frame, each pixel weighted by how well its 3 x 3 patch matches, in units of
// the noise that is left there (the estimate times the temporal stage's reduction); then the
// removal kept per luma zone and channel. `view` 1 shows the noise removed (4 x, about mid grey).
#extension GL_GOOGLE_include_directive : require
layout(local_size_x = 16, local_size_y = 16) in;

layout(std430, set = 0, binding = 0) readonly buffer Averaged { vec4 averaged[]; };
layout(std430, set = 0, binding = 1) readonly buffer Reduction { float reduction[]; };
layout(std430, set = 0, binding = 2) readonly buffer Noise { float noise[]; };
layout(std430, set = 0, binding = 3) readonly buffer Cur { vec4 cur[]; };
layout(std430, set = 0, binding = 4) writeonly buffer Destination { vec4 dst[]; };

layout(push_constant) uniform Push {
    int width, height, radius;
    float spread;     // 2 x spatial^2; 0: no spatial stage
    vec4 zones;       // how much of the removal is kept in the shadows, mid-tones, highlights
    vec4 channels;    // ... and per channel
    uint view;
} pc;

#include "noise_deviation.glsl"

const vec3 kLuma = vec3(0.2126, 0.7152, 0.0722);

int indexOf(ivec2 p) {
    p = clamp(p, ivec2(0), ivec2(pc.width - 1, pc.height - 1));
    return p.y * pc.width + p.x;
}

void main() {
    const ivec2 p = ivec2(gl_GlobalInvocationID.xy);
    if (p.x >= pc.width || p.y >= pc.height) return;
    const int o = p.y * pc.width + p.x;
    const vec4 c = cur[o];
    const float y = dot(c.rgb, kLuma);
    vec3 result = averaged[o].rgb;
    if (pc.spread > 0.0) {
        const vec3 inverse = 1.0 / (noiseDeviation(y) * max(reduction[o], 1e-3));
        vec3 sum = vec3(0.0);
        float weights = 0.0;
        for (int dy = -pc.radius; dy <= pc.radius; ++dy)
            for (int dx = -pc.radius; dx <= pc.radius; ++dx) {
                float distance = 0.0;
                for (int j = 0; j < 9; ++j) {
                    const ivec2 offset = ivec2(j % 3 - 1, j / 3 - 1);
                    const vec3 d = (averaged[indexOf(p + offset)].rgb - averaged[indexOf(p + ivec2(dx, dy) + offset)].rgb) * inverse;
                    distance += dot(d, d);
                }
                const float w = exp(-max(distance / 27.0 - 2.0, 0.0) / pc.spread);
                sum += w * averaged[indexOf(p + ivec2(dx, dy))].rgb;
                weights += w;
            }
        result = sum / weights;  // the centre's own weight is 1: never empty
    }
    // Zones by where the pixel's luma lies between the noise's first and last band: shadows fade out
    // by the middle, highlights in from it.
    const float u = clamp((y - noise[0]) / max(noise[1] - noise[0], 1e-9), 0.0, 1.0);
    const float shadows = clamp(1.0 - 2.0 * u, 0.0, 1.0), highlights = clamp(2.0 * u - 1.0, 0.0, 1.0);
    const float zone = shadows * pc.zones.x + (1.0 - shadows - highlights) * pc.zones.y + highlights * pc.zones.z;
    const vec3 keep = clamp(zone * pc.channels.rgb, 0.0, 1.0);
    const vec3 denoised = c.rgb + keep * (result - c.rgb);
    dst[o] = pc.view == 1u ? vec4(vec3(0.5) + 4.0 * (c.rgb - denoised), 1.0) : vec4(denoised, c.a);
}
