#version 450
// Deflicker, fourth pass: a region no frame could lend to (an occlusion, a moving object, a flat
// patch on the picture's edge) takes the mean of its 3 x 3 neighbours' corrections (weights 1-2-1
// each way, times the frames each lent); the others keep their own. Mixing the corrections of regions
// that have their own would apply one region's gain and offset to another's levels, and the local
// flicker the regions follow would be blurred away; the interpolation between region centres in the
// last pass is smoothing enough.
layout(local_size_x = 8, local_size_y = 8) in;

layout(std430, set = 0, binding = 0) readonly buffer Raw { vec4 raw[]; };
layout(std430, set = 0, binding = 1) writeonly buffer Filled { vec4 filled[]; };

layout(push_constant) uniform Push {
    int regionsX, regionsY;
} pc;

void main() {
    const ivec2 r = ivec2(gl_GlobalInvocationID.xy);
    if (r.x >= pc.regionsX || r.y >= pc.regionsY) return;
    const int o = r.y * pc.regionsX + r.x;
    if (raw[o * 2].w > 0.0) {
        filled[o * 2] = raw[o * 2];
        filled[o * 2 + 1] = raw[o * 2 + 1];
        return;
    }
    vec3 gain = vec3(0.0), offset = vec3(0.0);
    float weight = 0.0;
    for (int dy = -1; dy <= 1; ++dy)
        for (int dx = -1; dx <= 1; ++dx) {
            const ivec2 q = r + ivec2(dx, dy);
            if (any(lessThan(q, ivec2(0))) || any(greaterThanEqual(q, ivec2(pc.regionsX, pc.regionsY)))) continue;
            const int i = q.y * pc.regionsX + q.x;
            const float w = float((2 - abs(dx)) * (2 - abs(dy))) * raw[i * 2].w;
            gain += w * raw[i * 2].rgb, offset += w * raw[i * 2 + 1].rgb, weight += w;
        }
    filled[o * 2] = vec4(weight > 0.0 ? gain / weight : vec3(1.0), 0.0);
    filled[o * 2 + 1] = vec4(weight > 0.0 ? offset / weight : vec3(0.0), 0.0);
}
