// Channel mixer: each output channel a weighted sum of the input channels plus an offset.
//   p0.rgb: weights of R, G, B in the new red; p1.rgb: in the new green; p2.rgb: in the new blue;
//   p3.rgb: offsets. Alpha is untouched.
vec4 tinct_channel_mixer(vec4 c, vec4 p0, vec4 p1, vec4 p2, vec4 p3) {
    return vec4(dot(c.rgb, p0.rgb) + p3.r, dot(c.rgb, p1.rgb) + p3.g, dot(c.rgb, p2.rgb) + p3.b, c.a);
}
