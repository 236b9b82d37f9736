// What NaN and Inf become (DESIGN.md principle 5: they never reach an output). Applied to source
// pixels before the grade and to graded pixels before they are written:
//   NaN -> 0,  +Inf -> +65504,  -Inf -> -65504  (65504 is the largest half-float, so the value stays
//   finite whether the output is written as half or float). Finite values are left alone; a half
//   writer clamps them to +-65504 itself (engine/io/ExrWriter).
const float TINCT_HALF_MAX = 65504.0;

// Tested on the bits: a driver may assume floats are finite and fold isnan()/isinf() away.
vec4 tinct_sanitize(vec4 c) {
    const uvec4 bits = floatBitsToUint(c);
    const bvec4 special = equal(bits & 0x7f800000u, uvec4(0x7f800000u));
    const bvec4 nan = bvec4(uvec4(special) & uvec4(notEqual(bits & 0x007fffffu, uvec4(0u))));
    const vec4 infinity = mix(vec4(TINCT_HALF_MAX), vec4(-TINCT_HALF_MAX), greaterThan(bits, uvec4(0x7fffffffu)));
    return mix(mix(c, infinity, special), vec4(0.0), nan);
}
