// What NaN and Inf become (DESIGN.md principle 5: they never reach an output). Applied to source
// pixels before the grade and to graded pixels before they are written:
//   NaN -> 0,  +Inf -> +65504,  -Inf -> -65504  (65504 is the largest half-float, so the value stays
//   finite whether the output is written as half or float). Finite values are left alone; a half
//   writer clamps them to +-65504 itself (engine/io/ExrWriter).
const float TINCT_HALF_MAX = 65504.0;

vec4 tinct_sanitize(vec4 c) {
    c = mix(c, vec4(0.0), isnan(c));
    return mix(c, sign(c) * TINCT_HALF_MAX, isinf(c));
}
