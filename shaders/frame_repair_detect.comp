#version 450
// Whether frame n is to be rebuilt: listed by the user, or found bad against the frame rebuilt for
// it from its neighbours (frame_interpolate.comp). Blank: n has under a tenth of the rebuilt frame's
// spread of values (black, white or a flat grey in place of a picture). Frozen: n is the frame before
// it again (a dropped frame filled with a repeat) while the picture moves. Damaged: n differs from
// the rebuilt frame by four times what its two sides disagree by, and by a quarter of its spread (a
// flash, a torn or burnt frame). An untold cut is none of these: there the sides disagree as much.
// Ratios of the frames' own statistics, so the same on log, video and linear values. One workgroup,
// a fixed order of sums: the same frames decide the same way.
layout(local_size_x = 256) in;

layout(std430, set = 0, binding = 0) readonly buffer Cur { vec4 cur[]; };
layout(std430, set = 0, binding = 1) readonly buffer Before { vec4 before[]; };  // frame n-1 as it is
layout(std430, set = 0, binding = 2) readonly buffer After { vec4 after[]; };    // frame n+1 as it is
layout(std430, set = 0, binding = 3) readonly buffer Rebuilt { vec4 rebuilt[]; };
layout(std430, set = 0, binding = 4) readonly buffer Disagreement { float disagreement[]; };
layout(std430, set = 0, binding = 5) writeonly buffer Decision { float decision[]; };  // [0]: 1 rebuild; [1]: why

layout(push_constant) uniform Push {
    int width, height, step;
    uint listed;  // 1: the user listed n
    uint blank, frozen, damaged;  // what to look for
} pc;

const vec3 kLuma = vec3(0.2126, 0.7152, 0.0722);

shared float partial[256];

float reduce(float v) {
    partial[gl_LocalInvocationID.x] = v;
    barrier();
    for (uint s = 128u; s > 0u; s >>= 1u) {
        if (gl_LocalInvocationID.x < s) partial[gl_LocalInvocationID.x] += partial[gl_LocalInvocationID.x + s];
        barrier();
    }
    const float total = partial[0];
    barrier();
    return total;
}

float lumaOf(vec4 v) {
    const float y = dot(v.rgb, kLuma);
    return isnan(y) || isinf(y) ? 0.0 : y;
}

void main() {
    const uint t = gl_LocalInvocationID.x;
    const int across = (pc.width + pc.step - 1) / pc.step;
    const int samples = across * ((pc.height + pc.step - 1) / pc.step);
    float sumN = 0.0, sumR = 0.0;
    for (int k = int(t); k < samples; k += 256) {
        const int o = (k / across) * pc.step * pc.width + (k % across) * pc.step;
        sumN += lumaOf(cur[o]), sumR += lumaOf(rebuilt[o]);
    }
    const float count = float(max(samples, 1));
    const float meanN = reduce(sumN) / count, meanR = reduce(sumR) / count;
    float spreadN = 0.0, spreadR = 0.0, offBy = 0.0, sides = 0.0, repeat = 0.0, moves = 0.0;
    for (int k = int(t); k < samples; k += 256) {
        const int o = (k / across) * pc.step * pc.width + (k % across) * pc.step;
        const float n = lumaOf(cur[o]), r = lumaOf(rebuilt[o]);
        spreadN += abs(n - meanN), spreadR += abs(r - meanR);
        offBy += abs(n - r), sides += isnan(disagreement[o]) ? 0.0 : disagreement[o];
        repeat += abs(n - lumaOf(before[o])), moves += abs(lumaOf(before[o]) - lumaOf(after[o]));
    }
    spreadN = reduce(spreadN) / count, spreadR = reduce(spreadR) / count;
    offBy = reduce(offBy) / count, sides = reduce(sides) / count;
    repeat = reduce(repeat) / count, moves = reduce(moves) / count;
    if (t == 0u) {
        float why = 0.0;
        if (pc.listed != 0u) why = 1.0;
        else if (pc.blank != 0u && spreadN < 0.1 * spreadR) why = 2.0;
        else if (pc.frozen != 0u && repeat < 1e-3 * spreadR && moves > 0.02 * spreadR) why = 3.0;
        else if (pc.damaged != 0u && offBy > 4.0 * sides && offBy > 0.25 * spreadR) why = 4.0;
        decision[0] = why > 0.0 ? 1.0 : 0.0;
        decision[1] = why;
    }
}
