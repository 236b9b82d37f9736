// What the scopes read: the frame as R'G'B' signal values (graded, after the display transform
// when there is one), and the luma of the chosen matrix.
layout(std430, set = 0, binding = 0) readonly buffer Frame { vec4 frame[]; };

float tinct_luma(vec3 c, vec2 krkb) {
    return krkb.x * c.r + (1.0 - krkb.x - krkb.y) * c.g + krkb.y * c.b;
}
