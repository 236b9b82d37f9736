// Hue and saturation curves. A colour is split into luma Y (Rec.709 weights) and the chroma
// vector (Cb, Cr) = (B - Y, R - Y); its hue is the chroma's angle in turns (0 .. 1, red at
// about 0.31), its saturation the chroma's length over luma (exposure-independent, so it means the
// same in scene-linear and display signals). Every curve reads the colour as it came in:
//   hue vs hue  rotates the chroma by y turns;
//   hue vs sat, lum vs sat, sat vs sat  scale the chroma (gains multiply);
//   hue vs lum  adds y x Y to luma, faded in over the first 0.1 of saturation so greys, which
//               have no hue, keep their luma.
// Curves are control points (x, y), at most 16, joined by monotone cubic (Fritsch-Carlson)
// splines: no overshoot, and equal neighbouring points give a flat stretch, as a colorist expects.
// The hue curves wrap around (hue 1 is hue 0); the others hold their end values beyond their
// first and last points. Parameters: params[o] = counts of the five curves, then 4 vec4 per curve (8 points,
// x0 y0 x1 y1 ...) x 2 = 16 points each. Alpha is untouched.
const int TINCT_CURVE_POINTS = 16;

vec2 tinct_curve_point(int base, int i) {
    const vec4 pair = params[base + i / 2];
    return (i % 2 == 0) ? pair.xy : pair.zw;
}

// The slope of a monotone cubic at a point between two secants: zero at a peak, valley or flat,
// else their harmonic mean.
float tinct_monotone_slope(float before, float after) {
    return before * after <= 0.0 ? 0.0 : 2.0 / (1.0 / before + 1.0 / after);
}

float tinct_secant(vec2 a, vec2 b, float fallback) {
    return b.x - a.x > 1e-6 ? (b.y - a.y) / (b.x - a.x) : fallback;
}

// The curve's value at x. `base` is its first vec4; `periodic` for hue curves.
float tinct_curve(int base, int count, float x, bool periodic) {
    if (count < 2) return count == 1 ? tinct_curve_point(base, 0).y : 0.0;
    if (periodic) x = fract(x);
    const vec2 first = tinct_curve_point(base, 0), last = tinct_curve_point(base, count - 1);
    if (!periodic && x <= first.x) return first.y;
    if (!periodic && x >= last.x) return last.y;
    // The segment [i, i + 1] holding x; for a periodic curve the wrap segment joins last to first.
    int i = -1;
    for (int k = 0; k < count; ++k)
        if (tinct_curve_point(base, k).x <= x) i = k;
    vec2 p[4];
    for (int k = 0; k < 4; ++k) {
        int j = i - 1 + k;
        float shift = 0.0;
        if (periodic) {
            shift = floor(float(j) / float(count));
            j -= int(shift) * count;
        } else {
            j = clamp(j, 0, count - 1);
        }
        p[k] = tinct_curve_point(base, j) + vec2(shift, 0.0);
    }
    const float h = max(p[2].x - p[1].x, 1e-6);
    const float d = (p[2].y - p[1].y) / h;
    // At the ends of an open curve the missing neighbour repeats the end point: its secant is d.
    const float m1 = tinct_monotone_slope(tinct_secant(p[0], p[1], d), d) * h;
    const float m2 = tinct_monotone_slope(d, tinct_secant(p[2], p[3], d)) * h;
    const float t = clamp((x - p[1].x) / h, 0.0, 1.0), t2 = t * t, t3 = t2 * t;
    return (2.0 * t3 - 3.0 * t2 + 1.0) * p[1].y + (t3 - 2.0 * t2 + t) * m1 + (3.0 * t2 - 2.0 * t3) * p[2].y + (t3 - t2) * m2;
}

vec4 tinct_hue_curves(vec4 c, int o) {
    const vec4 counts = params[o];
    const float y = dot(c.rgb, vec3(0.2126, 0.7152, 0.0722));
    vec2 chroma = vec2(c.b - y, c.r - y);
    const float length_ = length(chroma);
    const float hue = length_ > 0.0 ? fract(atan(chroma.y, chroma.x) / 6.28318530718) : 0.0;
    const float saturation = length_ / max(abs(y), 1e-4);
    const int stride = TINCT_CURVE_POINTS / 2;
    const float turn = length_ > 0.0 ? tinct_curve(o + 1, int(counts.x), hue, true) : 0.0;
    float gain = 1.0;
    if (length_ > 0.0) gain *= tinct_curve(o + 1 + stride, int(counts.y), hue, true);
    gain *= tinct_curve(o + 1 + 3 * stride, int(counts.w), y, false);
    gain *= tinct_curve(o + 1 + 4 * stride, int(params[o + 1 + 5 * stride].x), saturation, false);
    const float lift = length_ > 0.0 ? tinct_curve(o + 1 + 2 * stride, int(counts.z), hue, true) : 0.0;
    const float angle = turn * 6.28318530718;
    chroma = mat2(cos(angle), sin(angle), -sin(angle), cos(angle)) * chroma * gain;
    const float newY = y + lift * y * smoothstep(0.0, 0.1, saturation);
    const float r = newY + chroma.y, b = newY + chroma.x;
    const float g = (newY - 0.2126 * r - 0.0722 * b) / 0.7152;
    return vec4(r, g, b, c.a);
}
