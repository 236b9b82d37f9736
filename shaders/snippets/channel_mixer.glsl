// Channel mixer: each output channel a weighted sum of the input channels plus an offset. Alpha is
// untouched.
vec4 tinct_channel_mixer(vec4 c, vec3 red, vec3 green, vec3 blue, vec3 offset) {
    return vec4(dot(c.rgb, red) + offset.r, dot(c.rgb, green) + offset.g, dot(c.rgb, blue) + offset.b, c.a);
}
