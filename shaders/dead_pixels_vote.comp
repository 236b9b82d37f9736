#version 450
// One frame's vote on each pixel: in which channels does it stand out, brighter or darker by more
// than `threshold`, from every pixel but one of the ring `radius` away (8 pixels: the sides and the
// corners of a square)? One neighbour may be another defect; a feature wider than `radius`, or a
// line, has ring pixels of its own level and gets no vote. The counts for the six pairs of channel
// and direction are packed, 5 bits each, into one uint per pixel; the window's frames vote one
// after another, the first one starting the counts afresh. A frame's vote can also be taken back
// (it was given before: no count goes below zero), for a window that moved on by a frame.
layout(local_size_x = 16, local_size_y = 16) in;

layout(std430, set = 0, binding = 0) readonly buffer Frame { vec4 px[]; };
layout(std430, set = 0, binding = 1) buffer Votes { uint votes[]; };

layout(push_constant) uniform Push {
    int width, height, radius;
    float threshold;
    uint mode;  // 0: this frame's vote replaces the counts, 1: adds to them, 2: is taken back from them
} pc;

void main() {
    const ivec2 at = ivec2(gl_GlobalInvocationID.xy);
    if (at.x >= pc.width || at.y >= pc.height) return;
    const int i = at.y * pc.width + at.x;
    const vec3 c = px[i].rgb;
    // The largest two and the smallest two of the ring, per channel; outside the frame, no sample.
    vec3 hi1 = vec3(-1e30), hi2 = vec3(-1e30), lo1 = vec3(1e30), lo2 = vec3(1e30);
    int samples = 0;
    for (int oy = -1; oy <= 1; ++oy)
        for (int ox = -1; ox <= 1; ++ox) {
            if (ox == 0 && oy == 0) continue;
            const ivec2 p = at + pc.radius * ivec2(ox, oy);
            if (p.x < 0 || p.y < 0 || p.x >= pc.width || p.y >= pc.height) continue;
            const vec3 v = px[p.y * pc.width + p.x].rgb;
            hi2 = max(hi2, min(hi1, v));
            hi1 = max(hi1, v);
            lo2 = min(lo2, max(lo1, v));
            lo1 = min(lo1, v);
            ++samples;
        }
    uint add = 0u;
    if (samples >= 4) {
        // Near the frame's edge the ring is cut to one side of the pixel and five samples: there a
        // slope of the picture leaves most of them below (or above) it, so it must stand out from
        // all of them, not from all but one.
        const bool whole = samples == 8;
        const bvec3 bright = greaterThan(c - (whole ? hi2 : hi1), vec3(pc.threshold));
        const bvec3 dark = greaterThan((whole ? lo2 : lo1) - c, vec3(pc.threshold));
        for (int ch = 0; ch < 3; ++ch) {
            if (bright[ch]) add += 1u << (5 * ch);
            if (dark[ch]) add += 1u << (5 * (3 + ch));
        }
    }
    votes[i] = pc.mode == 0u ? add : pc.mode == 1u ? votes[i] + add : votes[i] - add;
}
