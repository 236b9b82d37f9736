#version 450
// The median over time, per channel: each output value is the median of the same pixel and channel in
// frames n-k .. n+k (count = 2k+1, 3 to 7 frames). The frames are bound in order; bindings past the
// count repeat the last one and are not read.
layout(local_size_x = 256) in;

layout(std430, set = 0, binding = 0) readonly buffer F0 { vec4 f0[]; };
layout(std430, set = 0, binding = 1) readonly buffer F1 { vec4 f1[]; };
layout(std430, set = 0, binding = 2) readonly buffer F2 { vec4 f2[]; };
layout(std430, set = 0, binding = 3) readonly buffer F3 { vec4 f3[]; };
layout(std430, set = 0, binding = 4) readonly buffer F4 { vec4 f4[]; };
layout(std430, set = 0, binding = 5) readonly buffer F5 { vec4 f5[]; };
layout(std430, set = 0, binding = 6) readonly buffer F6 { vec4 f6[]; };
layout(std430, set = 0, binding = 7) writeonly buffer Destination { vec4 dst[]; };

layout(push_constant) uniform Push {
    uint pixelCount;
    uint rowPitch;  // invocations per row of work groups
    uint count;     // frames: 3, 5 or 7
} pc;

// A compare-exchange on four channels at once: after it, a holds the smaller values, b the larger.
void order(inout vec4 a, inout vec4 b) {
    const vec4 lo = min(a, b);
    b = max(a, b);
    a = lo;
}

void main() {
    const uint i = gl_GlobalInvocationID.y * pc.rowPitch + gl_GlobalInvocationID.x;
    if (i >= pc.pixelCount) return;
    vec4 a = f0[i], b = f1[i], c = f2[i];
    if (pc.count == 3u) {
        // median of three: max(min(a, b), min(max(a, b), c))
        dst[i] = max(min(a, b), min(max(a, b), c));
        return;
    }
    vec4 d = f3[i], e = f4[i];
    if (pc.count == 5u) {
        // A selection network for the third of five (Paeth's): 7 compare-exchanges.
        order(a, b); order(d, e); order(a, d); order(b, e); order(c, d); order(b, c); order(c, d);
        dst[i] = c;
        return;
    }
    vec4 f = f5[i], g = f6[i];
    // The fourth of seven: sort with a 16-exchange network, take the middle.
    order(a, b); order(c, d); order(e, f);
    order(a, c); order(b, d); order(e, g);
    order(b, c); order(f, g);
    order(a, e); order(b, f); order(c, g);
    order(c, e); order(d, f);
    order(b, c); order(d, e); order(f, g);
    dst[i] = d;
}
