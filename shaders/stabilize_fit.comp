#version 450
// The camera's motion between two frames as a similarity (rotation, scale, translation about the
// frame's centre) fitted to a motion field by iteratively reweighted least squares: blocks that move
// otherwise (a person walking, a car, a blotch) get Tukey weights of zero after the first rounds.
// In complex numbers, z' = alpha z + beta with z = x + i y from the centre; written as
// (re alpha, im alpha, re beta, im beta) in full-size pixels at 2 slot, and at 2 slot + 1 the share
// of the blocks the fit holds for (within a pixel of it): across a cut, or where nothing in the
// picture moves as one, it is low, and the path stops there. One workgroup, fixed order of sums: the
// same field gives the same fit.
layout(local_size_x = 256) in;

layout(std430, set = 0, binding = 0) readonly buffer Field { vec4 field[]; };
layout(std430, set = 0, binding = 1) buffer Transforms { vec4 transforms[]; };

layout(push_constant) uniform Push {
    int blocksX, blocksY;
    float scale;        // full-size pixels per level pixel
    float centreX, centreY;  // the frame's centre, full-size pixels
    int slot;
} pc;

shared vec4 sumsA[256], sumsB[256];

void reduce2(inout vec4 a, inout vec4 b) {
    const uint t = gl_LocalInvocationID.x;
    sumsA[t] = a, sumsB[t] = b;
    barrier();
    for (uint s = 128u; s > 0u; s >>= 1u) {
        if (t < s) sumsA[t] += sumsA[t + s], sumsB[t] += sumsB[t + s];
        barrier();
    }
    a = sumsA[0], b = sumsB[0];
    barrier();
}

// Block k's centre and where it goes, full-size pixels from the frame's centre; false at the border
// (blocks whose match may have left the frame).
bool blockAt(int k, out vec2 z, out vec2 moved) {
    const int bx = k % pc.blocksX, by = k / pc.blocksX;
    if (bx < 2 || by < 2 || bx >= pc.blocksX - 2 || by >= pc.blocksY - 2) return false;
    const vec4 f = field[k];
    z = (vec2(bx, by) * 4.0 + 2.0) * pc.scale - 0.5 - vec2(pc.centreX, pc.centreY);
    moved = z + f.xy * pc.scale;
    return !(any(isnan(f.xy)) || any(isinf(f.xy)));
}

vec2 cmul(vec2 a, vec2 b) { return vec2(a.x * b.x - a.y * b.y, a.x * b.y + a.y * b.x); }

void main() {
    const uint t = gl_LocalInvocationID.x;
    const int blocks = pc.blocksX * pc.blocksY;
    vec2 alpha = vec2(1.0, 0.0), beta = vec2(0.0);
    float cutoff = 1e30;  // Tukey's c: none in the first round
    for (int round = 0; round < 5; ++round) {
        vec4 a = vec4(0.0), b = vec4(0.0);  // a: w, w x, w y, w |z|^2; b: w x', w y', w re(conj z z'), w im(conj z z')
        float residuals = 0.0, counted = 0.0;
        for (int k = int(t); k < blocks; k += 256) {
            vec2 z, moved;
            if (!blockAt(k, z, moved)) continue;
            float w = 1.0;
            if (round > 0) {
                const float r = length(moved - (cmul(alpha, z) + beta)) / cutoff;
                w = r < 1.0 ? (1.0 - r * r) * (1.0 - r * r) : 0.0;
            }
            a += w * vec4(1.0, z, dot(z, z));
            b += w * vec4(moved, z.x * moved.x + z.y * moved.y, z.x * moved.y - z.y * moved.x);
        }
        reduce2(a, b);
        if (a.x < 1e-6) break;
        // Centred sums: the fit through the weighted means.
        const vec2 mz = a.yz / a.x, mm = b.xy / a.x;
        const float zz = a.w / a.x - dot(mz, mz);
        const vec2 zm = b.zw / a.x - vec2(mz.x * mm.x + mz.y * mm.y, mz.x * mm.y - mz.y * mm.x);
        alpha = zz > 1e-6 ? zm / zz : vec2(1.0, 0.0);
        beta = mm - cmul(alpha, mz);
        // Tukey's c from the mean residual of the blocks just fitted: about 4.7 deviations.
        vec4 r4 = vec4(0.0), unused = vec4(0.0);
        for (int k = int(t); k < blocks; k += 256) {
            vec2 z, moved;
            if (!blockAt(k, z, moved)) continue;
            const float r = length(moved - (cmul(alpha, z) + beta));
            if (r < cutoff) r4 += vec4(r, 1.0, 0.0, 0.0);
        }
        reduce2(r4, unused);
        cutoff = max(4.0 * r4.x / max(r4.y, 1.0), 0.05 * pc.scale);
    }
    // How well the last weights hold: the share of blocks within a pixel (full size) of the fit.
    vec4 within = vec4(0.0), unused = vec4(0.0);
    for (int k = int(t); k < blocks; k += 256) {
        vec2 z, moved;
        if (!blockAt(k, z, moved)) continue;
        within += vec4(length(moved - (cmul(alpha, z) + beta)) <= 1.0 ? 1.0 : 0.0, 1.0, 0.0, 0.0);
    }
    reduce2(within, unused);
    if (t == 0u) {
        transforms[2 * pc.slot] = vec4(alpha, beta);
        transforms[2 * pc.slot + 1] = vec4(within.x / max(within.y, 1.0), 0.0, 0.0, 0.0);
    }
}
