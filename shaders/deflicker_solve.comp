#version 450
// Deflicker, third pass: each region's correction, a gain and an offset per channel taking n to the
// mean level of the window. Each frame m of the window that lends its level relates to n as
// m = a n + b (a: ratio of deviations, softened by `flat` so that a flat region is corrected by its
// offset; b: what the means leave), and n is taken to the mean of those, n itself being a = 1, b = 0.
// Frames are taken outward from n on each side and stop at the first frame few regions match (a cut
// the source did not report). Window entries: 0 is n, 1 .. before the frames before it outward,
// then `after` frames after it outward.
// Written per region, 2 vec4: (gain rgb, frames lent), (offset rgb, 0).
layout(local_size_x = 64) in;

layout(std430, set = 0, binding = 0) readonly buffer Stats { vec4 stats[]; };
layout(std430, set = 0, binding = 1) readonly buffer Frames { float frames[]; };
layout(std430, set = 0, binding = 2) writeonly buffer Coefficients { vec4 coefficients[]; };

layout(push_constant) uniform Push {
    int regions;
    int before, after;    // frames of the window on each side of n
    float minFrameFraction;
    float flat_;          // added to both deviations
    float strength;       // 0 .. 1 of the correction
    int lumaOnly;         // 1: one gain and offset from luma for all three channels
} pc;

vec4 entry(int slot, int region, int k) { return stats[(slot * pc.regions + region) * 5 + k]; }

void main() {
    const int r = int(gl_GlobalInvocationID.x);
    if (r >= pc.regions) return;
    vec3 gain = vec3(1.0), offset = vec3(0.0);
    float lent = 0.0;
    for (int side = 0; side < 2; ++side) {
        for (int k = 1; k <= (side == 0 ? pc.before : pc.after); ++k) {
            const int m = side == 0 ? k : pc.before + k;
            if (frames[m] < pc.minFrameFraction) break;
            if (entry(m, r, 4).w == 0.0) continue;
            vec4 meanN = entry(m, r, 0), sdN = entry(m, r, 1), meanM = entry(m, r, 2), sdM = entry(m, r, 3);
            if (pc.lumaOnly != 0) meanN = meanN.wwww, sdN = sdN.wwww, meanM = meanM.wwww, sdM = sdM.wwww;
            const vec3 a = clamp((sdM.rgb + pc.flat_) / (sdN.rgb + pc.flat_), vec3(0.5), vec3(2.0));
            gain += a;
            offset += meanM.rgb - a * meanN.rgb;
            lent += 1.0;
        }
    }
    gain /= lent + 1.0, offset /= lent + 1.0;
    coefficients[r * 2] = vec4(mix(vec3(1.0), gain, pc.strength), lent);
    coefficients[r * 2 + 1] = vec4(offset * pc.strength, 0.0);
}
