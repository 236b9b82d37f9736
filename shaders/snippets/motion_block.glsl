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

// `ref` at pixel p + v: the nearest pixel when v is whole, else bilinear.
float refDisplaced(ivec2 p, vec2 v) { return v == floor(v) ? refAt(p + ivec2(v)) : refBilinear(vec2(p) + v); }

// The mean difference between block b of `cur` and `ref` displaced by v, each pixel's difference
// truncated at `truncation`: a blotch in one frame is an outlier that must not pull the match. With
// `matchLevels`, the standard deviation of the difference instead: its mean, a level change between
// the frames, is left out, so that a frame that flickers brighter or darker is still matched by its
// picture (past the truncation every vector would cost the same). That one is not truncated, so that
// it takes one pass over the block like the other.
float blockCost(ivec2 b, vec2 v, float truncation, bool matchLevels) {
    const ivec2 first = b * MOTION_STRIDE + MOTION_STRIDE / 2 - MOTION_BLOCK / 2;
    const float pixels = float(MOTION_BLOCK * MOTION_BLOCK);
    float sum = 0.0, squares = 0.0;
    for (int y = 0; y < MOTION_BLOCK; ++y)
        for (int x = 0; x < MOTION_BLOCK; ++x) {
            const ivec2 p = first + ivec2(x, y);
            const float d = curAt(p) - refDisplaced(p, v);
            if (matchLevels) {
                sum += d, squares += d * d;
            } else {
                sum += min(abs(d), truncation);
            }
        }
    const float mean = sum / pixels;
    return matchLevels ? sqrt(max(squares / pixels - mean * mean, 0.0)) : mean;
}
