// Primary grading with the semantics of OpenColorIO's GradingPrimaryTransform (forward), so that
// OCIO's CPU renderer is the oracle. The host turns the user's controls into these per-channel
// values as OCIO does (engine/nodes/PrimariesNode.cpp):
//   p0 = (add.rgb, style)         log: brightness; lin: offset; video: offset + lift
//   p1 = (scale.rgb, pivot)       log: contrast;   lin: exposure (2^stops); video: slope
//   p2 = (power.rgb, saturation)  log and video: 1 / gamma; lin: contrast
//   p3 = (pivotBlack, pivotWhite, clampBlack, clampWhite)
// style 0 log, 1 lin, 2 video. Saturation is about Rec.709 luma. Alpha is untouched.
vec3 tinct_pivoted_power(vec3 v, vec3 power, float black, float white) {
    const vec3 n = abs(v - black) / (white - black);
    return pow(n, power) * sign(v - black) * (white - black) + black;
}

vec4 tinct_primaries(vec4 c, vec4 p0, vec4 p1, vec4 p2, vec4 p3) {
    vec3 v = c.rgb + p0.rgb;
    const bool powered = p2.rgb != vec3(1.0);  // no power at all at 1: exact, and negatives kept
    if (p0.w < 0.5) {
        v = (v - p1.w) * p1.rgb + p1.w;
        if (powered) v = tinct_pivoted_power(v, p2.rgb, p3.x, p3.y);
    } else if (p0.w < 1.5) {
        v *= p1.rgb;
        if (powered) v = pow(abs(v / p1.w), p2.rgb) * sign(v) * p1.w;
    } else {
        v = (v - p3.x) * p1.rgb + p3.x;
        if (powered) v = tinct_pivoted_power(v, p2.rgb, p3.x, p3.y);
    }
    const float luma = dot(v, vec3(0.2126, 0.7152, 0.0722));
    v = luma + p2.w * (v - luma);
    return vec4(clamp(v, vec3(p3.z), vec3(p3.w)), c.a);
}
