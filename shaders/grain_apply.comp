#version 450
// Synthesised grain added to the frame: the noise (grain_noise.comp, shaped by grain_blur.comp)
// mixed between one value for all channels and one per channel by `colour` (0: monochrome grain,
// 1: each channel its own), scaled by the strength at the pixel's brightness (shadows, mid-tones and
// highlights blended by where its luma lies in 0..1) and per channel, added to the values as they
// are. `view` 1 shows the grain alone about mid grey.
layout(local_size_x = 256) in;

layout(std430, set = 0, binding = 0) readonly buffer Source { vec4 src[]; };
layout(std430, set = 0, binding = 1) readonly buffer Noise { vec4 noise[]; };
layout(std430, set = 0, binding = 2) writeonly buffer Destination { vec4 dst[]; };

layout(push_constant) uniform Push {
    uint pixelCount, rowPitch;
    float amount, colour;
    vec4 zones;     // shadows, mid-tones, highlights
    vec4 channels;  // red, green, blue
    uint view;
} pc;

void main() {
    const uint i = gl_GlobalInvocationID.y * pc.rowPitch + gl_GlobalInvocationID.x;
    if (i >= pc.pixelCount) return;
    const vec4 c = src[i];
    const vec4 n = noise[i];
    const vec3 grain = sqrt(1.0 - pc.colour) * vec3(n.x) + sqrt(pc.colour) * n.yzw;
    const float u = clamp(dot(c.rgb, vec3(0.2126, 0.7152, 0.0722)), 0.0, 1.0);
    const float shadows = clamp(1.0 - 2.0 * u, 0.0, 1.0), highlights = clamp(2.0 * u - 1.0, 0.0, 1.0);
    const float zone = shadows * pc.zones.x + (1.0 - shadows - highlights) * pc.zones.y + highlights * pc.zones.z;
    const vec3 added = pc.amount * zone * pc.channels.rgb * grain;
    dst[i] = pc.view == 1u ? vec4(vec3(0.5) + added, 1.0) : vec4(c.rgb + added, c.a);
}
