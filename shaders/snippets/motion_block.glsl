// What the motion shaders share: the block grid and luma sampling. The including shader declares
// `cur` and `ref` (float luma, row by row) and push constants with `width` and `height`, before it
// includes this file.
//
// Blocks are MOTION_BLOCK pixels square, one every MOTION_STRIDE pixels, so neighbours overlap by
// half: block b covers pixels b*S - 2 .. b*S + 5 and its centre is at b*S + 1.5 (pixel i's centre is
// at i). A vector field holds one vec4 per block: (dx, dy, match error, consistency error).
const int MOTION_STRIDE = 4, MOTION_BLOCK = 8;

ivec2 lastPixel() { return ivec2(pc.width - 1, pc.height - 1); }

float curAt(ivec2 p) {
    p = clamp(p, ivec2(0), lastPixel());
    return cur[p.y * pc.width + p.x];
}

float refAt(ivec2 p) {
    p = clamp(p, ivec2(0), lastPixel());
    return ref[p.y * pc.width + p.x];
}

float refBilinear(vec2 p) {
    p = clamp(p, vec2(0.0), vec2(lastPixel()));
    const ivec2 i = ivec2(floor(p));
    const vec2 f = p - vec2(i);
    const float a = refAt(i), b = refAt(i + ivec2(1, 0)), c = refAt(i + ivec2(0, 1)), d = refAt(i + ivec2(1, 1));
    return mix(mix(a, b, f.x), mix(c, d, f.x), f.y);
}

vec2 blockCentre(ivec2 b) { return vec2(b * MOTION_STRIDE) + (0.5 * float(MOTION_STRIDE) - 0.5); }

// The mean difference between block b of `cur` and `ref` displaced by v, each pixel's difference
// truncated at `truncation`: a blotch in one frame is an outlier that must not pull the match.
float blockCost(ivec2 b, vec2 v, float truncation) {
    const ivec2 first = b * MOTION_STRIDE + MOTION_STRIDE / 2 - MOTION_BLOCK / 2;
    float sum = 0.0;
    if (v == floor(v)) {
        const ivec2 iv = ivec2(v);
        for (int y = 0; y < MOTION_BLOCK; ++y)
            for (int x = 0; x < MOTION_BLOCK; ++x) {
                const ivec2 p = first + ivec2(x, y);
                sum += min(abs(curAt(p) - refAt(p + iv)), truncation);
            }
    } else {
        for (int y = 0; y < MOTION_BLOCK; ++y)
            for (int x = 0; x < MOTION_BLOCK; ++x) {
                const ivec2 p = first + ivec2(x, y);
                sum += min(abs(curAt(p) - refBilinear(vec2(p) + v)), truncation);
            }
    }
    return sum / float(MOTION_BLOCK * MOTION_BLOCK);
}
