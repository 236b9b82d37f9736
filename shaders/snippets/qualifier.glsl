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

// The key, from the qualifier node's parameters in the order it declares them (mode: 0 hsl, 1 rgb,
// 2 luma; hue in turns).
vec4 tinct_qualifier(vec4 c, int mode, bool useHue, float hueCenter, float hueWidth, float hueSoft, bool useSat,
                     float satLow, float satHigh, float satSoft, bool useLum, float lumLow, float lumHigh, float lumSoft,
                     vec3 rgbLow, vec3 rgbHigh, float rgbSoft, float clipBlack, float clipWhite) {
    float m = 1.0;
    if (mode == 0) {
        const vec3 hsl = tinct_hsl(c.rgb);
        if (useHue) {
            const float d = abs(fract(hsl.x - hueCenter + 0.5) - 0.5);  // distance round the hue circle
            m *= tinct_fall(d, 0.5 * hueWidth, hueSoft);
        }
        if (useSat) m *= tinct_soft_range(hsl.y, satLow, satHigh, satSoft);
        if (useLum) m *= tinct_soft_range(hsl.z, lumLow, lumHigh, lumSoft);
    } else if (mode == 1) {
        for (int i = 0; i < 3; ++i) m *= tinct_soft_range(c[i], rgbLow[i], rgbHigh[i], rgbSoft);
    } else {
        m = tinct_soft_range(dot(c.rgb, vec3(0.2126, 0.7152, 0.0722)), lumLow, lumHigh, lumSoft);
    }
    return vec4(clamp((m - clipBlack) / max(clipWhite - clipBlack, 1e-6), 0.0, 1.0));
}
