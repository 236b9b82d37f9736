#version 450
// A box-filtered copy of an RGBA32F frame, `factor` times smaller each way: each output pixel is the
// mean of the factor x factor block it covers (fewer at the right and bottom edges). The viewer
// grades this proxy when it shows the frame at 1/factor of its size or less.
layout(local_size_x = 16, local_size_y = 16) in;

layout(std430, set = 0, binding = 0) readonly buffer Source { vec4 source[]; };
layout(std430, set = 0, binding = 1) writeonly buffer Proxy { vec4 proxy[]; };

layout(push_constant) uniform Push {
    int sourceW, sourceH, proxyW, proxyH, factor;
} pc;

void main() {
    const ivec2 p = ivec2(gl_GlobalInvocationID.xy);
    if (p.x >= pc.proxyW || p.y >= pc.proxyH) return;
    const ivec2 first = p * pc.factor, last = min(first + pc.factor, ivec2(pc.sourceW, pc.sourceH));
    vec4 sum = vec4(0.0);
    for (int y = first.y; y < last.y; ++y)
        for (int x = first.x; x < last.x; ++x) sum += source[y * pc.sourceW + x];
    proxy[p.y * pc.proxyW + p.x] = sum / float((last.x - first.x) * (last.y - first.y));
}
