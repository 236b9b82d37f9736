// IEEE 754 half <-> float by bit manipulation, exact on every device. GLSL's packHalf2x16 and
// unpackHalf2x16 may flush half subnormals (below 6.1e-5: the deepest shadows of scene-linear
// footage) to zero and may round toward zero; these keep subnormals and round to nearest even,
// as OpenEXR (Imath) does, so a half frame passes through the GPU bit for bit.

float tinct_half_to_float(uint h) {
    const uint sign = (h & 0x8000u) << 16;
    const uint exponent = (h >> 10) & 0x1fu;
    const uint mantissa = h & 0x3ffu;
    if (exponent == 0u) {  // zero or subnormal: mantissa * 2^-24, exact in float
        const float magnitude = float(mantissa) * 5.9604644775390625e-8;
        return sign != 0u ? -magnitude : magnitude;
    }
    if (exponent == 31u) return uintBitsToFloat(sign | 0x7f800000u | (mantissa << 13));  // Inf, NaN
    return uintBitsToFloat(sign | ((exponent + 112u) << 23) | (mantissa << 13));
}

// Round to nearest even, in integer arithmetic only, so no device rounding mode is involved
// (the normal range after F. Giesen's float_to_half_fast3_rtne).
uint tinct_float_to_half(float value) {
    uint f = floatBitsToUint(value);
    const uint sign = (f >> 16) & 0x8000u;
    f &= 0x7fffffffu;
    uint h;
    if (f >= 0x47800000u) {         // 65536 and beyond, Inf, NaN
        h = f > 0x7f800000u ? 0x7e00u : 0x7c00u;
    } else if (f < 0x38800000u) {   // below 2^-14: a subnormal half, mantissa * 2^-24
        const uint exponent = f >> 23;
        if (exponent < 102u) {      // below 2^-25: rounds to zero
            h = 0u;
        } else {
            const uint mantissa = (f & 0x7fffffu) | 0x800000u;
            const uint shift = 126u - exponent;  // 14 .. 24
            h = mantissa >> shift;
            const uint rest = mantissa & ((1u << shift) - 1u), halfway = 1u << (shift - 1u);
            if (rest > halfway || (rest == halfway && (h & 1u) != 0u)) h += 1u;
        }
    } else {
        const uint mantissaOdd = (f >> 13) & 1u;
        f += 0xc8000fffu;           // rebias the exponent (-112 << 23) and add the rounding bias
        f += mantissaOdd;
        h = f >> 13;
    }
    return h | sign;
}

vec4 tinct_unpack_half4(uvec2 v) {
    return vec4(tinct_half_to_float(v.x & 0xffffu), tinct_half_to_float(v.x >> 16),
                tinct_half_to_float(v.y & 0xffffu), tinct_half_to_float(v.y >> 16));
}

uvec2 tinct_pack_half4(vec4 c) {
    return uvec2(tinct_float_to_half(c.r) | (tinct_float_to_half(c.g) << 16),
                 tinct_float_to_half(c.b) | (tinct_float_to_half(c.a) << 16));
}
