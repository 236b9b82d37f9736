#version 450
// Converts a decoded picture, its planes uploaded as the decoder gave them (any planar or packed
// layout of 1 to 16-bit samples, YUV or RGB), to the RGBA32F frame the grade reads. The layout
// comes from FFmpeg's pixel format descriptor (engine/media/PlaneLayout): each component's plane,
// byte step, byte offset, bit shift, depth and byte order. Subsampled chroma is interpolated
// bilinearly at each luma sample's position, honouring the stream's chroma siting. Codes become
// Y'CbCr by the stream's range and R'G'B' by its matrix; no transfer function is applied.
//
// The layout is fixed for a stream, so it comes in as specialisation constants: the kernel is
// compiled for it, every branch on it resolved and every shift and mask a constant (on lavapipe
// that is the difference between straight-line SIMD code and a loop of lane-by-lane decisions).
layout(local_size_x = 16, local_size_y = 16) in;

// Per component: plane | step << 4 | offset << 10 | shift << 16 | depth << 21 | wide << 26 | bigEndian << 27
layout(constant_id = 0) const uint kComp0 = 0u;
layout(constant_id = 1) const uint kComp1 = 0u;
layout(constant_id = 2) const uint kComp2 = 0u;
layout(constant_id = 3) const uint kComp3 = 0u;
// components | rgb << 4 | alpha << 5 | log2ChromaWidth << 8 | log2ChromaHeight << 12
layout(constant_id = 4) const uint kFlags = 0u;

layout(std430, set = 0, binding = 0) readonly buffer Planes { uint bytes[]; };
layout(std430, set = 0, binding = 1) writeonly buffer Destination { vec4 dst[]; };

layout(push_constant) uniform Push {
    uvec4 planeOffset;  // bytes
    uvec4 rowBytes;
    vec4 matrix;        // R = Y + m.x Cr, G = Y - m.y Cb - m.z Cr, B = Y + m.w Cb
    vec4 range;         // Y = (code - range.x) / range.y, C = (code - range.z) / range.w
    vec2 siting;        // the first chroma sample's position in luma samples
    uint width, height;
} pc;

uint compOf(uint c) { return c == 0u ? kComp0 : c == 1u ? kComp1 : c == 2u ? kComp2 : kComp3; }

uint byteAt(uint address) { return (bytes[address >> 2] >> ((address & 3u) * 8u)) & 0xffu; }

// Component c's code at (x, y) of its own (possibly subsampled) grid.
float code(uint c, uint x, uint y) {
    const uint d = compOf(c);
    const uint plane = d & 15u, step = (d >> 4) & 63u, offset = (d >> 10) & 63u;
    const uint shift = (d >> 16) & 31u, depth = (d >> 21) & 31u;
    const uint address = pc.planeOffset[plane] + y * pc.rowBytes[plane] + x * step + offset;
    uint v = byteAt(address);
    if (((d >> 26) & 1u) != 0u) {
        const uint next = byteAt(address + 1u);
        v = ((d >> 27) & 1u) != 0u ? (v << 8) | next : v | (next << 8);
    }
    return float((v >> shift) & ((1u << depth) - 1u));
}

// A chroma component, bilinear between the nearest samples of its grid, edges clamped.
float chroma(uint c, uvec2 at, uvec2 log2Sub) {
    if (log2Sub == uvec2(0)) return code(c, at.x, at.y);
    const uvec2 factor = uvec2(1u << log2Sub.x, 1u << log2Sub.y);
    const uvec2 size = (uvec2(pc.width, pc.height) + factor - 1u) >> log2Sub;
    const vec2 p = (vec2(at) - pc.siting) / vec2(factor);
    const vec2 base = floor(p);
    const vec2 f = p - base;
    const ivec2 last = ivec2(size) - 1;
    const ivec2 i0 = clamp(ivec2(base), ivec2(0), last), i1 = clamp(ivec2(base) + 1, ivec2(0), last);
    const float top = mix(code(c, i0.x, i0.y), code(c, i1.x, i0.y), f.x);
    const float bottom = mix(code(c, i0.x, i1.y), code(c, i1.x, i1.y), f.x);
    return mix(top, bottom, f.y);
}

void main() {
    const uvec2 at = gl_GlobalInvocationID.xy;
    if (at.x >= pc.width || at.y >= pc.height) return;
    const uint components = kFlags & 15u;
    const bool rgb = ((kFlags >> 4) & 1u) != 0u, alpha = ((kFlags >> 5) & 1u) != 0u;
    const uvec2 log2Sub = uvec2((kFlags >> 8) & 15u, (kFlags >> 12) & 15u);
    const uint colourComponents = alpha ? components - 1u : components;
    vec3 colour;
    if (rgb) {
        colour = vec3(code(0u, at.x, at.y), code(1u, at.x, at.y), code(2u, at.x, at.y));
        colour = (colour - pc.range.x) / pc.range.y;
    } else {
        const float y = (code(0u, at.x, at.y) - pc.range.x) / pc.range.y;
        if (colourComponents < 3u) {
            colour = vec3(y);
        } else {
            const float cb = (chroma(1u, at, log2Sub) - pc.range.z) / pc.range.w;
            const float cr = (chroma(2u, at, log2Sub) - pc.range.z) / pc.range.w;
            colour = vec3(y + pc.matrix.x * cr, y - pc.matrix.y * cb - pc.matrix.z * cr, y + pc.matrix.w * cb);
        }
    }
    float a = 1.0;
    if (alpha) {
        const uint c = components - 1u;
        a = code(c, at.x, at.y) / float((1u << ((compOf(c) >> 21) & 31u)) - 1u);
    }
    dst[at.y * pc.width + at.x] = vec4(colour, a);
}
