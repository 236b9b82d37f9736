// Windows: a shape's signed distance d (negative inside), in frame heights, gives the matte
// 1 - smoothstep(-inner, outer, d): 1 deeper inside than the inner softness, 0 beyond the outer.
// Positions are fractions of the frame (0,0 top left, 1,1 bottom right); sizes are fractions of
// its height, so a circle stays round on any frame. The ellipse's distance is measured along the
// radius, (|q / r| - 1) x the smaller radius: exact for a circle.
#define TINCT_WINDOW_MAX_POINTS 16

float tinct_window_edge(float d, float inner, float outer) {
    if (inner + outer <= 0.0) return d <= 0.0 ? 1.0 : 0.0;
    return 1.0 - smoothstep(-inner, outer, d);
}

// Where the pixel's centre is, in frame heights from the frame's top left corner.
vec2 tinct_window_point() {
    const vec2 size = vec2(tinct_frame_size);
    return (vec2(tinct_pixel) + 0.5) / size.y;
}

float tinct_polygon_distance(vec2 p, uint base, int count) {
    const float aspect = float(tinct_frame_size.x) / float(tinct_frame_size.y);
    vec2 first = params[base].xy * vec2(aspect, 1.0);
    float d = dot(p - first, p - first);
    float s = 1.0;
    for (int i = 0, j = count - 1; i < count; j = i, ++i) {
        const vec2 vi = params[base + uint(i)].xy * vec2(aspect, 1.0), vj = params[base + uint(j)].xy * vec2(aspect, 1.0);
        const vec2 e = vj - vi, w = p - vi;
        const vec2 b = w - e * clamp(dot(w, e) / max(dot(e, e), 1e-12), 0.0, 1.0);
        d = min(d, dot(b, b));
        const bvec3 c = bvec3(p.y >= vi.y, p.y < vj.y, e.x * w.y > e.y * w.x);
        if (all(c) || all(not(c))) s = -s;
    }
    return s * sqrt(d);
}

// The window node's matte, from its parameters in the order it declares them: shape (0 ellipse,
// 1 rectangle, 2 gradient, 3 polygon), centre (fractions of the frame), size (of its height),
// aspect, rotation (degrees, clockwise as seen), inner and outer softness (frame heights), and the
// polygon's vertex count and where its vertices start in params[].
vec4 tinct_window(int shape, float centreX, float centreY, float size, float aspectOfShape, float rotation,
                  float innerSoft, float outerSoft, int pointCount, uint base) {
    const vec2 p = tinct_window_point();
    const float aspect = float(tinct_frame_size.x) / float(tinct_frame_size.y);
    const vec2 centre = vec2(centreX * aspect, centreY);
    const float turn = radians(rotation);
    const float cs = cos(turn), sn = sin(turn);
    const vec2 q0 = p - centre;
    const vec2 q = vec2(cs * q0.x + sn * q0.y, -sn * q0.x + cs * q0.y);  // turned back by the rotation
    const vec2 r = max(vec2(0.5 * size * aspectOfShape, 0.5 * size), vec2(1e-6));
    float d;
    if (shape == 0) {
        d = (length(q / r) - 1.0) * min(r.x, r.y);
    } else if (shape == 1) {
        const vec2 e = abs(q) - r;
        d = length(max(e, 0.0)) + min(max(e.x, e.y), 0.0);
    } else if (shape == 2) {
        d = q.y;
    } else {
        d = tinct_polygon_distance(p, base, pointCount);
    }
    return vec4(tinct_window_edge(d, innerSoft, outerSoft));
}
