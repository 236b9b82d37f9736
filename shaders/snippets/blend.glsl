// Layer blend modes: `top` over `base`, mode 0..9 = normal, add, subtract, multiply, screen, overlay,
// soft light, difference, lighten, darken. Screen, overlay and soft light follow the W3C
// Compositing and Blending Level 1 formulas; screen is written a + b - ab so it holds beyond 1.
vec3 tinct_soft_light(vec3 a, vec3 b) {
    const vec3 d = mix(sqrt(max(a, 0.0)), ((16.0 * a - 12.0) * a + 4.0) * a, lessThanEqual(a, vec3(0.25)));
    return mix(a + (2.0 * b - 1.0) * (d - a), a - (1.0 - 2.0 * b) * a * (1.0 - a), lessThanEqual(b, vec3(0.5)));
}

vec3 tinct_blend(int mode, vec3 a, vec3 b) {
    switch (mode) {
        case 1: return a + b;
        case 2: return a - b;
        case 3: return a * b;
        case 4: return a + b - a * b;
        case 5: return mix(1.0 - 2.0 * (1.0 - a) * (1.0 - b), 2.0 * a * b, lessThan(a, vec3(0.5)));
        case 6: return tinct_soft_light(a, b);
        case 7: return abs(a - b);
        case 8: return max(a, b);
        case 9: return min(a, b);
        default: return b;
    }
}
