// ASC CDL, forward, with the two styles of OpenColorIO's CDLTransform:
//   ASC (v1.2): clamp to [0,1] before the power and after the saturation;
//   no-clamp:   no clamping, and negative values skip the power (pass through unchanged).
// Saturation uses the Rec.709 luma weights the ASC CDL specifies. Alpha is untouched.
// `style`: the cdl node's choice, 0 no-clamp, 1 asc.
vec4 tinct_cdl(vec4 c, vec3 slope, vec3 offset, vec3 power, float saturation, int style) {
    const bool ascClamp = style == 1;
    vec3 v = c.rgb * slope + offset;
    if (ascClamp) {
        v = pow(clamp(v, 0.0, 1.0), power);
    } else {
        v = mix(v, pow(max(v, vec3(0.0)), power), greaterThan(v, vec3(0.0)));
    }
    float luma = dot(v, vec3(0.2126, 0.7152, 0.0722));
    v = luma + saturation * (v - luma);
    if (ascClamp) v = clamp(v, 0.0, 1.0);
    return vec4(v, c.a);
}
