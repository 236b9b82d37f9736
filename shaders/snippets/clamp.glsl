// Clamp each channel into [lo, hi]. Alpha is untouched.
vec4 tinct_clamp(vec4 c, vec3 lo, vec3 hi) {
    return vec4(clamp(c.rgb, lo, hi), c.a);
}
