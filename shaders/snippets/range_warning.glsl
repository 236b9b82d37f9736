// Out-of-range overlay on the output signal: a pixel with any component above 1 (beyond what the
// display or file range holds) turns red; one with any component below 0 (a colour outside the
// output's gamut) turns cyan; the rest is untouched.
vec4 tinct_range_warning(vec4 c) {
    if (any(greaterThan(c.rgb, vec3(1.0)))) return vec4(1.0, 0.0, 0.0, c.a);
    if (any(lessThan(c.rgb, vec3(0.0)))) return vec4(0.0, 1.0, 1.0, c.a);
    return c;
}
