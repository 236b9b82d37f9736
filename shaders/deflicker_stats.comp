#version 450
// Deflicker, first pass: for each region (a block of the current frame n) and one frame m of the
// window, the mean and standard deviation of R, G, B and luma of n's pixels and of m's pixels at the
// same picture content (m sampled along the field n -> m, nearest pixel: interpolating would smooth m
// and understate its contrast), and how well the two agree once their levels are matched (the
// residual of m scaled onto n by the ratio of deviations, and their correlation). One invocation per
// region: the sums need no reduction across a work group, whose barriers cost more than they save
// on a CPU device, and regions are many enough to fill a GPU.
//
// Written per region, 5 vec4 at (m * regions + region) * 5: mean and deviation of n, of m (both over
// the pixels whose match falls inside the frame), and (luma residual, coverage, luma correlation, 0).
#extension GL_GOOGLE_include_directive : require
layout(local_size_x = 64) in;

layout(std430, set = 0, binding = 0) readonly buffer Current { vec4 cur[]; };
layout(std430, set = 0, binding = 1) readonly buffer Other { vec4 other[]; };
layout(std430, set = 0, binding = 2) readonly buffer Field { vec4 vectors[]; };
layout(std430, set = 0, binding = 3) buffer Stats { vec4 stats[]; };

layout(push_constant) uniform Push {
    int width, height;
    int blocksX, blocksY;   // the field's grid, at its level
    int level;              // the field's level: its pixels are 2^level of the frame's
    int hasField;           // 0: m is n itself
    int regionSize;         // pixels
    int regionsX, regionsY;
    int step;               // sample every step-th pixel each way
    int slot;               // m's index in the window
} pc;

#define FIELD_BUFFER vectors
#include "motion_field.glsl"

vec4 withLuma(vec4 c) { return vec4(c.rgb, dot(c.rgb, vec3(0.2126, 0.7152, 0.0722))); }
bool finite4(vec4 v) { return !any(isnan(v)) && !any(isinf(v)); }

void main() {
    const int index = int(gl_GlobalInvocationID.x);
    if (index >= pc.regionsX * pc.regionsY) return;
    const ivec2 region = ivec2(index % pc.regionsX, index / pc.regionsX);
    const ivec2 first = region * pc.regionSize;
    const ivec2 end = min(first + pc.regionSize, ivec2(pc.width, pc.height));
    const ivec2 samples = (end - first + pc.step - 1) / pc.step;
    const float scale = float(1 << pc.level);
    // Sums are taken about the region's first pixel of n, so that the deviations of fine grain do
    // not drown in the rounding of large squares.
    const vec4 pivot = withLuma(cur[first.y * pc.width + first.x]);
    const vec4 shift = finite4(pivot) ? pivot : vec4(0.0);

    vec4 sn = vec4(0.0), sm = vec4(0.0), snn = vec4(0.0), smm = vec4(0.0), snm = vec4(0.0);
    float count = 0.0;
    for (int j = 0; j < samples.y; ++j)
        for (int i = 0; i < samples.x; ++i) {
            const ivec2 p = first + ivec2(i, j) * pc.step;
            ivec2 q = p;
            if (pc.hasField != 0) {
                const vec2 at = (vec2(p) + 0.5) / scale - 0.5;  // in the field level's pixels
                q = ivec2(round(vec2(p) + fieldAt(at).xy * scale));
                if (any(lessThan(q, ivec2(0))) || any(greaterThanEqual(q, ivec2(pc.width, pc.height)))) continue;
            }
            const vec4 a = withLuma(cur[p.y * pc.width + p.x]), b = withLuma(other[q.y * pc.width + q.x]);
            if (!finite4(a) || !finite4(b)) continue;
            const vec4 x = a - shift, y = b - shift;
            sn += x, sm += y, snn += x * x, smm += y * y, snm += x * y;
            count += 1.0;
        }

    const float n = max(count, 1.0);
    const vec4 meanN = sn / n, meanM = sm / n;
    const vec4 varN = max(snn / n - meanN * meanN, 0.0), varM = max(smm / n - meanM * meanM, 0.0);
    const vec4 cov = snm / n - meanN * meanM;
    const vec4 sdN = sqrt(varN), sdM = sqrt(varM);
    // m scaled onto n by the ratio of deviations leaves sdN^2 + g^2 sdM^2 - 2 g cov = 2 (varN - g cov).
    const float g = sdM.w > 1e-6 ? sdN.w / sdM.w : 1.0;
    const float residual = sqrt(max(varN.w + g * g * varM.w - 2.0 * g * cov.w, 0.0));
    const float correlation = sdN.w > 1e-6 && sdM.w > 1e-6 ? cov.w / (sdN.w * sdM.w) : 0.0;
    const float coverage = count / float(samples.x * samples.y);
    const int o = (pc.slot * pc.regionsX * pc.regionsY + index) * 5;
    stats[o] = meanN + shift;
    stats[o + 1] = sdN;
    stats[o + 2] = meanM + shift;
    stats[o + 3] = sdM;
    stats[o + 4] = vec4(residual, coverage, correlation, 0.0);
}
