// Qualifier keys. A soft range is 1 within [low, high] and falls to 0 over `soft` beyond each end
// (smoothstep); soft 0 gives hard edges. HSL is computed from the values clamped to 0..1, as
// qualifiers work on display-referred and log signals: hue in turns from the hexcone, L = (max +
// min) / 2, S = (max - min) / (1 - |2L - 1|).
float tinct_rise(float v, float edge, float soft) {
    return soft > 0.0 ? smoothstep(edge - soft, edge, v) : (v >= edge ? 1.0 : 0.0);
}

float tinct_fall(float v, float edge, float soft) {
    return 1.0 - (soft > 0.0 ? smoothstep(edge, edge + soft, v) : (v > edge ? 1.0 : 0.0));
}

float tinct_soft_range(float v, float low, float high, float soft) {
    return tinct_rise(v, low, soft) * tinct_fall(v, high, soft);
}

vec3 tinct_hsl(vec3 c) {
    c = clamp(c, 0.0, 1.0);
    const float hi = max(c.r, max(c.g, c.b)), lo = min(c.r, min(c.g, c.b)), d = hi - lo;
    const float l = 0.5 * (hi + lo);
    const float s = d > 0.0 ? d / max(1.0 - abs(2.0 * l - 1.0), 1e-6) : 0.0;
    float h = 0.0;
    if (d > 0.0) {
        if (hi == c.r) h = (c.g - c.b) / d;
        else if (hi == c.g) h = (c.b - c.r) / d + 2.0;
        else h = (c.r - c.g) / d + 4.0;
        h = fract(h / 6.0);
    }
    return vec3(h, min(s, 1.0), l);
}

// p0: mode (0 hsl, 1 rgb, 2 luma), use hue, use sat, use lum
// p1: hue centre (turns), hue width, hue softness, -
// p2: sat low, sat high, sat softness, -    p3: lum low, lum high, lum softness, -
// p4: rgb low, rgb softness                  p5: rgb high
// p6: clip black, clip white
vec4 tinct_qualifier(vec4 c, vec4 p0, vec4 p1, vec4 p2, vec4 p3, vec4 p4, vec4 p5, vec4 p6) {
    float m = 1.0;
    if (p0.x < 0.5) {
        const vec3 hsl = tinct_hsl(c.rgb);
        if (p0.y > 0.5) {
            const float d = abs(fract(hsl.x - p1.x + 0.5) - 0.5);  // distance round the hue circle
            m *= tinct_fall(d, 0.5 * p1.y, p1.z);
        }
        if (p0.z > 0.5) m *= tinct_soft_range(hsl.y, p2.x, p2.y, p2.z);
        if (p0.w > 0.5) m *= tinct_soft_range(hsl.z, p3.x, p3.y, p3.z);
    } else if (p0.x < 1.5) {
        for (int i = 0; i < 3; ++i) m *= tinct_soft_range(c[i], p4[i], p5[i], p4.w);
    } else {
        m = tinct_soft_range(dot(c.rgb, vec3(0.2126, 0.7152, 0.0722)), p3.x, p3.y, p3.z);
    }
    return vec4(clamp((m - p6.x) / max(p6.y - p6.x, 1e-6), 0.0, 1.0));
}
