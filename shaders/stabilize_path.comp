#version 450
// The correction of frame n: the camera path through the frames of the window (each frame's
// similarity to the next, stabilize_fit.comp, chained from n outward: where a point of frame n is in
// frame j), smoothed by a local linear fit over the window with Gaussian weights, so that a steady
// pan, tilt, zoom or roll is kept exactly (also where the window is all on one side, at a shot's
// ends) and the jitter about it is not; a pair whose fit does not hold ends the path on its side.
// Writes the map from the stabilised frame to frame n.
layout(local_size_x = 1) in;

layout(std430, set = 0, binding = 0) readonly buffer Transforms { vec4 transforms[]; };
layout(std430, set = 0, binding = 1) writeonly buffer Correction { vec4 correction[]; };

layout(push_constant) uniform Push {
    int before, after;   // frames of the window before and after n
    float sigma;         // the Gaussian's width, frames
    float strength;      // how much of the jitter is removed (1: all)
    uvec4 pairs[4];      // byte k: the slot of the transform from window frame k to k + 1 (k = 0: the first)
} pc;

vec2 cmul(vec2 a, vec2 b) { return vec2(a.x * b.x - a.y * b.y, a.x * b.y + a.y * b.x); }
vec2 cinv(vec2 a) { return vec2(a.x, -a.y) / max(dot(a, a), 1e-12); }

uint pairSlot(int k) {
    const uint word = pc.pairs[k / 16][(k / 4) % 4];
    return (word >> (8u * uint(k % 4))) & 255u;
}
vec4 pairTransform(int k) { return transforms[2u * pairSlot(k)]; }
// A pair the fit does not hold for (a cut the source was not told of, a frame of noise) ends the
// path: the frames beyond it are another camera's.
bool pairHolds(int k) { return transforms[2u * pairSlot(k) + 1u].x >= 0.3; }

void main() {
    // Fit p(j) = p0 + p1 j to each component of the path, weighted; the smoothed path at n is p0.
    float sw = 0.0, swj = 0.0, swjj = 0.0;
    vec4 swp = vec4(0.0), swjp = vec4(0.0);
    for (int side = -1; side <= 1; side += 2) {
        vec2 alpha = vec2(1.0, 0.0), beta = vec2(0.0);  // frame n to frame j
        const int count = side < 0 ? pc.before : pc.after;
        for (int step = 0; step <= count; ++step) {
            const int j = side * step;
            if (step > 0) {
                if (!pairHolds(side > 0 ? pc.before + step - 1 : pc.before - step)) break;
                if (side > 0) {
                    const vec4 t = pairTransform(pc.before + step - 1);  // j-1 -> j
                    beta = cmul(t.xy, beta) + t.zw;
                    alpha = cmul(t.xy, alpha);
                } else {
                    const vec4 t = pairTransform(pc.before - step);  // j -> j+1, inverted
                    const vec2 inv = cinv(t.xy);
                    beta = cmul(inv, beta - t.zw);
                    alpha = cmul(inv, alpha);
                }
            }
            if (side > 0 && step == 0) continue;  // n counted once
            const float w = exp(-0.5 * float(j * j) / (pc.sigma * pc.sigma));
            const vec4 p = vec4(alpha, beta);
            sw += w, swj += w * float(j), swjj += w * float(j * j);
            swp += w * p, swjp += w * float(j) * p;
        }
    }
    const float det = sw * swjj - swj * swj;
    vec4 smoothed = det > 1e-9 ? (swjj * swp - swj * swjp) / det : swp / max(sw, 1e-9);
    smoothed = mix(vec4(1.0, 0.0, 0.0, 0.0), smoothed, pc.strength);
    // Stabilised y shows what the smoothed camera sees there: frame n's point x with S(x) = y.
    const vec2 inv = cinv(smoothed.xy);
    correction[0] = vec4(inv, cmul(inv, -smoothed.zw));
}
