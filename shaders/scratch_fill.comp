#version 450
// The repair: a scratch is a veil over the picture, darker or lighter, more or less opaque, that
// changes slowly along its length. In each column of a scratch the veil is taken as a gain and an
// offset on the picture under it, measured over the rows around (2 reach + 1 of them), and undone:
// the picture's own detail under the scratch is kept, not painted over. The veil is told by what it
// does to the column's statistics along its length: the picture under it has the mean and spread
// its neighbours have (interpolated between the columns beside the scratch), and the veil's gain
// and offset are what take them to the column's own. (A least-squares fit against the
// interpolated picture would shrink the gain with every detail the interpolation misses, and
// undoing it would sharpen the picture.) Where the column does not follow its neighbours, or the
// picture is flat along the scratch, the veil is an offset only; where it is nearly opaque, nothing
// of the picture is left to keep and the interpolation is taken. Outside the scratches the frame is
// untouched, bit for bit. The matte variant (TINCT_CHANNELS 1) writes the repair matte.
#extension GL_GOOGLE_include_directive : require
layout(local_size_x = 16, local_size_y = 16) in;

#include "texel.glsl"

layout(std430, set = 0, binding = 0) readonly buffer Cur { vec4 cur[]; };
layout(std430, set = 0, binding = 1) readonly buffer Centres { vec2 centres[]; };  // [band][x]: evidence, class d (scratch_lines)
layout(std430, set = 0, binding = 2) writeonly buffer Destination { Texel dst[]; };

layout(push_constant) uniform Push {
    int width, height, reach;
    uint view;  // 0: the repaired frame, 1: the matte as a picture, 2: the repair overlaid in red
} pc;

const float kFlat = 1e-4;     // variance of the picture along the scratch below which its gain is not told
const float kOpaque = 0.35;   // less of the picture than this left under the veil: interpolate
const float kFollows = 0.5;   // the correlation below which the column is not taken to follow the interpolation

bool finite(vec3 v) { return !any(isnan(v)) && !any(isinf(v)); }

void main() {
    const ivec2 at = ivec2(gl_GlobalInvocationID.xy);
    if (at.x >= pc.width || at.y >= pc.height) return;
    const int i = at.y * pc.width + at.x;
    const int band = at.y / 32;
    // The strongest scratch whose columns take this one in.
    // A line's columns: its class's width about its centre, one more each side for a line of one
    // or two pixels, which lies across two columns as often as in one.
    int centre = -1, d = 0;
    float strength = 0.0;
    for (int o = -3; o <= 3; ++o) {
        const int c = at.x + o;
        if (c < 0 || c >= pc.width) continue;
        const vec2 e = centres[band * pc.width + c];
        const int cd = int(e.y);
        if (cd > 0 && abs(o) <= cd - 1 && abs(e.x) > strength) centre = c, d = cd, strength = abs(e.x);
    }
    const float m = centre >= 0 ? 1.0 : 0.0;
#if TINCT_CHANNELS == 1
    dst[i] = m;
#else
    const vec4 c = cur[i];
    if (pc.view == 1u) {
        dst[i] = vec4(vec3(m), 1.0);
        return;
    }
    vec4 repaired = c;
    if (centre >= 0) {
        const int xl = centre - d, xr = centre + d;
        const float t = float(at.x - xl) / float(xr - xl);
        // Sums over the rows: the sides' and the column's values and squares, and the column
        // against the interpolation between the sides.
        vec3 sl = vec3(0.0), sll = vec3(0.0), sr = vec3(0.0), srr = vec3(0.0);
        vec3 sd = vec3(0.0), sdd = vec3(0.0), sbd = vec3(0.0), sbb = vec3(0.0);
        float n = 0.0;
        for (int y = max(at.y - pc.reach, 0); y <= min(at.y + pc.reach, pc.height - 1); ++y) {
            const vec3 l = cur[y * pc.width + xl].rgb, r = cur[y * pc.width + xr].rgb, v = cur[y * pc.width + at.x].rgb;
            if (!finite(l) || !finite(r) || !finite(v)) continue;
            const vec3 b = mix(l, r, t);
            sl += l, sll += l * l, sr += r, srr += r * r;
            sd += v, sdd += v * v, sbd += b * v, sbb += b * b, n += 1.0;
        }
        const vec3 under = mix(cur[at.y * pc.width + xl].rgb, cur[at.y * pc.width + xr].rgb, t);
        if (n >= 3.0 && finite(c.rgb)) {
            const vec3 ml = sl / n, mr = sr / n, md = sd / n, mb = mix(ml, mr, t);
            // The picture's spread along the column, as its neighbours have it.
            const vec3 spread = mix(sqrt(max(sll / n - ml * ml, vec3(0.0))), sqrt(max(srr / n - mr * mr, vec3(0.0))), t);
            const vec3 vd = max(sdd / n - md * md, vec3(0.0)), vb = max(sbb / n - mb * mb, vec3(0.0));
            const vec3 cov = sbd / n - mb * md;
            vec3 gain = vec3(1.0);
            for (int ch = 0; ch < 3; ++ch) {
                if (spread[ch] * spread[ch] <= kFlat) continue;
                if (vd[ch] < kOpaque * kOpaque * spread[ch] * spread[ch]) gain[ch] = 0.0;
                else if (cov[ch] > kFollows * sqrt(vb[ch] * vd[ch])) gain[ch] = sqrt(vd[ch]) / spread[ch];
            }
            const vec3 offset = md - gain * mb;
            for (int ch = 0; ch < 3; ++ch)
                repaired[ch] = gain[ch] < kOpaque ? under[ch] : (c[ch] - offset[ch]) / min(gain[ch], 4.0);
        }
    }
    if (pc.view == 2u && m > 0.0) repaired.rgb = mix(repaired.rgb, vec3(1.0, 0.1, 0.1), 0.6);
    dst[i] = repaired;
#endif
}
