#version 450
// Dust and dirt: a pixel of frame n that stands away from its motion-compensated neighbours
// n-2 .. n+2, all in the same direction, by more than the threshold (and more than `noiseFactor`
// times what the past and future neighbours disagree by around it). Writes `candidate` 1 there, and
// `protect` 1 where the motion cannot be trusted: no trustworthy neighbour before or after (or one
// the motion takes outside the frame), the neighbours before and after disagree (an occlusion,
// erratic motion), or the pixel's surroundings are found again near it in frame n-1 or n+1 (an
// object that moves faster or differently than the blocks' motion says, which a blotch never is).
// At a shot's first and last frames the neighbours before and after are the same frames (the ends
// mirror), so an occlusion there cannot be told from a blotch and may be repaired.
#extension GL_GOOGLE_include_directive : require
layout(local_size_x = 16, local_size_y = 16) in;

layout(std430, set = 0, binding = 0) readonly buffer Cur { vec4 curRgba[]; };
layout(std430, set = 0, binding = 1) readonly buffer W0 { vec4 w0[]; };  // n-2 onto n
layout(std430, set = 0, binding = 2) readonly buffer W1 { vec4 w1[]; };  // n-1
layout(std430, set = 0, binding = 3) readonly buffer W2 { vec4 w2[]; };  // n+1
layout(std430, set = 0, binding = 4) readonly buffer W3 { vec4 w3[]; };  // n+2
layout(std430, set = 0, binding = 5) readonly buffer A1 { vec2 a1[]; };  // n-1's match error, consistency miss
layout(std430, set = 0, binding = 6) readonly buffer A2 { vec2 a2[]; };  // n+1's
layout(std430, set = 0, binding = 7) readonly buffer LumaCur { float lumaCur[]; };
layout(std430, set = 0, binding = 8) readonly buffer LumaPrev { float lumaPrev[]; };
layout(std430, set = 0, binding = 9) readonly buffer LumaNext { float lumaNext[]; };
layout(std430, set = 0, binding = 10) readonly buffer FieldPrev { vec4 fieldPrev[]; };
layout(std430, set = 0, binding = 11) readonly buffer FieldNext { vec4 fieldNext[]; };
layout(std430, set = 0, binding = 12) writeonly buffer Candidate { float candidate[]; };
layout(std430, set = 0, binding = 13) writeonly buffer Protect { float protect[]; };
// The frame's spread factor (signal_spread.comp): luma here is divided by it, as the pyramids are.
layout(std430, set = 0, binding = 14) readonly buffer Spread { float spreadFactor[]; };

layout(push_constant) uniform Push {
    int width, height;
    int blocksX, blocksY;
    float threshold;    // the least departure that counts, in luma divided by the spread factor
    float noiseFactor;  // ... and at least this many times the local disagreement of the neighbours
    int polarity;       // 0: dark and bright, 1: dark only, 2: bright only
    float maxMiss;      // consistency miss (pixels) beyond which a neighbour is not trusted
    int searchRadius;   // how far from the compensated place an object is looked for in n-1 and n+1
    uint distinct;      // bit k: neighbour k (n-2, n-1, n+1, n+2) is another frame, not n mirrored onto itself
} pc;

const vec3 kLuma = vec3(0.2126, 0.7152, 0.0722);

#define FIELD_BUFFER fieldPrev
#define fieldBlock fieldBlockPrev
#define fieldAt fieldAtPrev
#include "motion_field.glsl"
#undef FIELD_BUFFER
#undef fieldBlock
#undef fieldAt
#define FIELD_BUFFER fieldNext
#define fieldBlock fieldBlockNext
#define fieldAt fieldAtNext
#include "motion_field.glsl"

float lumaOf(vec4 v) { return dot(v.rgb, kLuma) / spreadFactor[0]; }

int indexOf(ivec2 p) {
    p = clamp(p, ivec2(0), ivec2(pc.width - 1, pc.height - 1));
    return p.y * pc.width + p.x;
}

// The 5 x 5 patch around the pixel in frame n, and the least difference to it found in frame n-1
// or n+1 within the search radius of `centre`, against the difference at `centre` itself.
float surround[25];

#define PATCH_SEARCH(NAME, LUMA)                                                              \
    vec2 NAME(ivec2 centre) {                                                                 \
        float atCentre = 0.0;                                                                 \
        for (int k = 0; k < 25; ++k)                                                          \
            atCentre += abs(surround[k] - LUMA[indexOf(centre + ivec2(k % 5 - 2, k / 5 - 2))]);  \
        float least = atCentre;                                                               \
        ivec2 bestAt = centre;                                                                \
        for (int y = -pc.searchRadius; y <= pc.searchRadius; y += 2)                          \
            for (int x = -pc.searchRadius; x <= pc.searchRadius; x += 2) {                    \
                const ivec2 q = centre + ivec2(x, y);                                         \
                float sum = 0.0;                                                              \
                for (int k = 0; k < 25 && sum < least; ++k)                                   \
                    sum += abs(surround[k] - LUMA[indexOf(q + ivec2(k % 5 - 2, k / 5 - 2))]);     \
                if (sum < least) least = sum, bestAt = q;                                     \
            }                                                                                 \
        const ivec2 around = bestAt;                                                          \
        for (int j = 0; j < 9; ++j) {                                                         \
            const ivec2 q = around + ivec2(j % 3 - 1, j / 3 - 1);                             \
            float sum = 0.0;                                                                  \
            for (int k = 0; k < 25 && sum < least; ++k)                                       \
                sum += abs(surround[k] - LUMA[indexOf(q + ivec2(k % 5 - 2, k / 5 - 2))]);         \
            least = min(least, sum);                                                          \
        }                                                                                     \
        return vec2(least, atCentre) / 25.0;                                                  \
    }
PATCH_SEARCH(searchPrev, lumaPrev)
PATCH_SEARCH(searchNext, lumaNext)

// True where the pixel's surroundings are found again in the other frame much better than where the
// motion says they are: something is there that the block motion does not follow.
bool foundElsewhere(vec2 match, float threshold) { return match.x < 0.5 * match.y && match.x < 0.5 * threshold; }

void main() {
    const ivec2 p = ivec2(gl_GlobalInvocationID.xy);
    if (p.x >= pc.width || p.y >= pc.height) return;
    const int o = p.y * pc.width + p.x;
    candidate[o] = 0.0;
    protect[o] = 0.0;

    // Frames n-1 and n+1 are other frames in any shot of two frames or more (the ends mirror).
    const bool prevTrusted = (pc.distinct & 2u) != 0u && a1[o].y <= pc.maxMiss;
    const bool nextTrusted = (pc.distinct & 4u) != 0u && a2[o].y <= pc.maxMiss;
    // Where the motion takes the pixel out of the frame, what the neighbour holds there is its edge
    // repeated: no evidence (the picture that enters the frame at a shot's end, before or after).
    const ivec2 prevAt = ivec2(round(vec2(p) + fieldAtPrev(vec2(p)).xy));
    const ivec2 nextAt = ivec2(round(vec2(p) + fieldAtNext(vec2(p)).xy));
    const ivec2 size = ivec2(pc.width, pc.height);
    const bool inside = all(greaterThanEqual(prevAt, ivec2(0))) && all(lessThan(prevAt, size)) &&
                        all(greaterThanEqual(nextAt, ivec2(0))) && all(lessThan(nextAt, size));
    if (!prevTrusted || !nextTrusted || !inside) {
        protect[o] = 1.0;
        return;
    }
    // How much the compensated past and future disagree around the pixel: grain, noise and what the
    // motion gets wrong.
    float disagreement = 0.0;
    for (int k = 0; k < 9; ++k) {
        const int q = indexOf(p + ivec2(k % 3 - 1, k / 3 - 1));
        disagreement += abs(lumaOf(w1[q]) - lumaOf(w2[q]));
    }
    disagreement /= 9.0;
    const float threshold = max(pc.threshold, pc.noiseFactor * disagreement);
    const float r1 = lumaOf(w1[o]), r2 = lumaOf(w2[o]);
    if (abs(r1 - r2) > threshold) {
        protect[o] = 1.0;
        return;
    }
    const float c = lumaOf(curRgba[o]);
    float lo = min(r1, r2), hi = max(r1, r2);
    if ((pc.distinct & 1u) != 0u) {
        const float r0 = lumaOf(w0[o]);
        lo = min(lo, r0), hi = max(hi, r0);
    }
    if ((pc.distinct & 8u) != 0u) {
        const float r3 = lumaOf(w3[o]);
        lo = min(lo, r3), hi = max(hi, r3);
    }
    const bool dark = pc.polarity != 2 && lo - c > threshold;
    const bool bright = pc.polarity != 1 && c - hi > threshold;
    if (!dark && !bright) return;

    float mean = 0.0;
    for (int k = 0; k < 25; ++k) {
        surround[k] = lumaCur[indexOf(p + ivec2(k % 5 - 2, k / 5 - 2))];
        mean += surround[k] / 25.0;
    }
    // A surround with no structure (the inside of a large blotch) would match any flat patch, a
    // neighbour's own blotch included: it is no evidence of an object. An object's edges are, and the
    // protection grows from them over its inside.
    float structure = 0.0;
    for (int k = 0; k < 25; ++k) structure += abs(surround[k] - mean) / 25.0;
    if (structure < 0.25 * threshold) {
        candidate[o] = 1.0;
        return;
    }
    if (foundElsewhere(searchPrev(prevAt), threshold) || foundElsewhere(searchNext(nextAt), threshold)) {
        protect[o] = 1.0;
        return;
    }
    candidate[o] = 1.0;
}
