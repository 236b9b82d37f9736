// False colour for exposure on a Rec.709 video signal (after the display transform), zones as
// on ARRI's false colour: luma (BT.709) in percent of the signal
//   below 2.5 purple (black clipped), 2.5-4 blue (just above black), 38-44 green (18% grey),
//   56-63 pink (one stop over grey: skin), 97-99 yellow (just below white), above 99 red (white
//   clipped); elsewhere the picture in grey (its luma).
vec4 tinct_false_colour(vec4 c) {
    const float y = dot(c.rgb, vec3(0.2126, 0.7152, 0.0722)) * 100.0;
    vec3 v = vec3(clamp(y / 100.0, 0.0, 1.0));
    if (y < 2.5) v = vec3(0.5, 0.0, 0.6);
    else if (y < 4.0) v = vec3(0.0, 0.3, 1.0);
    else if (y >= 38.0 && y < 44.0) v = vec3(0.1, 0.8, 0.1);
    else if (y >= 56.0 && y < 63.0) v = vec3(1.0, 0.55, 0.7);
    else if (y >= 97.0 && y <= 99.0) v = vec3(1.0, 1.0, 0.0);
    else if (y > 99.0) v = vec3(1.0, 0.0, 0.0);
    return vec4(v, c.a);
}
