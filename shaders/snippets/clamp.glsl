// Clamp each channel into [p0.rgb, p1.rgb]. Alpha is untouched.
vec4 tinct_clamp(vec4 c, vec4 p0, vec4 p1) {
    return vec4(clamp(c.rgb, p0.rgb, p1.rgb), c.a);
}
