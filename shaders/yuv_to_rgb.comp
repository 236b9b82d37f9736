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
// Planar layouts (each component its own plane, 1 or 2 bytes a sample) are converted four pixels of
// a row per invocation, from whole 32-bit words: a word gives four 8-bit samples, and the chroma
// samples the four pixels share are read once.
layout(local_size_x = 16, local_size_y = 16) in;

// Per component: plane | step << 4 | offset << 10 | shift << 16 | depth << 21 | wide << 26 | bigEndian << 27
layout(constant_id = 0) const uint kComp0 = 0u;
layout(constant_id = 1) const uint kComp1 = 0u;
layout(constant_id = 2) const uint kComp2 = 0u;
layout(constant_id = 3) const uint kComp3 = 0u;
// components | rgb << 4 | alpha << 5 | log2ChromaWidth << 8 | log2ChromaHeight << 12
layout(constant_id = 4) const uint kFlags = 0u;
// Pixels of a row each invocation converts: 4 for planar layouts, else 1.
layout(constant_id = 5) const uint kGroup = 1u;

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

const uint kComponents = kFlags & 15u;
const bool kRgb = ((kFlags >> 4) & 1u) != 0u, kAlpha = ((kFlags >> 5) & 1u) != 0u;
const uvec2 kLog2Sub = uvec2((kFlags >> 8) & 15u, (kFlags >> 12) & 15u);
const bool kSubsampled = ((kFlags >> 8) & 255u) != 0u;

uint compOf(uint c) { return c == 0u ? kComp0 : c == 1u ? kComp1 : c == 2u ? kComp2 : kComp3; }

uint byteAt(uint address) { return (bytes[address >> 2] >> ((address & 3u) * 8u)) & 0xffu; }

// The sample of descriptor d from its first byte b0 and the next b1.
float decode(uint d, uint b0, uint b1) {
    uint v = b0;
    if (((d >> 26) & 1u) != 0u) v = ((d >> 27) & 1u) != 0u ? (v << 8) | b1 : v | (b1 << 8);
    return float((v >> ((d >> 16) & 31u)) & ((1u << ((d >> 21) & 31u)) - 1u));
}

uint addressOf(uint d, uint x, uint y) {
    const uint plane = d & 15u;
    return pc.planeOffset[plane] + y * pc.rowBytes[plane] + x * ((d >> 4) & 63u) + ((d >> 10) & 63u);
}

// Component c's code at (x, y) of its own (possibly subsampled) grid.
float code(uint c, uint x, uint y) {
    const uint d = compOf(c);
    const uint address = addressOf(d, x, y);
    const bool wide = ((d >> 26) & 1u) != 0u;
    return decode(d, byteAt(address), wide ? byteAt(address + 1u) : 0u);
}

// Codes of samples s0 .. s0+3 of component c in row y of its grid, each clamped into the row of
// `size` samples. Away from the row's ends, from the three 32-bit words that hold them.
vec4 codes4(uint c, int s0, uint y, int size) {
    if (s0 < 0 || s0 + 3 >= size)
        return vec4(code(c, uint(clamp(s0, 0, size - 1)), y), code(c, uint(clamp(s0 + 1, 0, size - 1)), y),
                    code(c, uint(clamp(s0 + 2, 0, size - 1)), y), code(c, uint(clamp(s0 + 3, 0, size - 1)), y));
    const uint d = compOf(c);
    const uint step = (d >> 4) & 63u;
    const uint a0 = addressOf(d, uint(s0), y);
    const uint w = a0 >> 2, last = uint(bytes.length()) - 1u;
    const uvec3 words = uvec3(bytes[w], bytes[min(w + 1u, last)], bytes[min(w + 2u, last)]);
    vec4 out4;
    for (uint i = 0u; i < 4u; ++i) {
        const uint o = (a0 & 3u) + i * step;
        const uint b0 = (words[o >> 2] >> ((o & 3u) * 8u)) & 0xffu;
        const uint b1 = (words[(o + 1u) >> 2] >> (((o + 1u) & 3u) * 8u)) & 0xffu;
        out4[i] = decode(d, b0, b1);
    }
    return out4;
}

// A chroma component, bilinear between the nearest samples of its grid, edges clamped.
float chroma(uint c, uvec2 at) {
    if (!kSubsampled) return code(c, at.x, at.y);
    const uvec2 factor = uvec2(1u << kLog2Sub.x, 1u << kLog2Sub.y);
    const uvec2 size = (uvec2(pc.width, pc.height) + factor - 1u) >> kLog2Sub;
    const vec2 p = (vec2(at) - pc.siting) / vec2(factor);
    const vec2 base = floor(p);
    const vec2 f = p - base;
    const ivec2 last = ivec2(size) - 1;
    const ivec2 i0 = clamp(ivec2(base), ivec2(0), last), i1 = clamp(ivec2(base) + 1, ivec2(0), last);
    const float top = mix(code(c, i0.x, i0.y), code(c, i1.x, i0.y), f.x);
    const float bottom = mix(code(c, i0.x, i1.y), code(c, i1.x, i1.y), f.x);
    return mix(top, bottom, f.y);
}

// Chroma component c at pixels x0 .. x0+3 of row y, from the samples they share.
vec4 chroma4(uint c, uint x0, uint y) {
    const uvec2 factor = uvec2(1u << kLog2Sub.x, 1u << kLog2Sub.y);
    const ivec2 size = ivec2((uvec2(pc.width, pc.height) + factor - 1u) >> kLog2Sub);
    const vec2 sub = vec2(factor);
    const float py = (float(y) - pc.siting.y) / sub.y;
    const float by = floor(py), fy = py - by;
    const uint r0 = uint(clamp(int(by), 0, size.y - 1)), r1 = uint(clamp(int(by) + 1, 0, size.y - 1));
    // The first sample any of the four pixels needs; with 2:1 subsampling (or none, co-sited) four
    // samples from it cover them all.
    const int s0 = int(floor((float(x0) - pc.siting.x) / sub.x));
    const vec4 top = codes4(c, s0, r0, size.x), bottom = kLog2Sub.y == 0u ? top : codes4(c, s0, r1, size.x);
    vec4 out4;
    for (uint i = 0u; i < 4u; ++i) {
        const float px = (float(x0 + i) - pc.siting.x) / sub.x;
        const float bx = floor(px), fx = px - bx;
        const int k = int(bx) - s0;
        const float t = mix(top[k], top[min(k + 1, 3)], fx), b = mix(bottom[k], bottom[min(k + 1, 3)], fx);
        out4[i] = kLog2Sub.y == 0u ? t : mix(t, b, fy);
    }
    return out4;
}

vec3 toRgb(float y, float cb, float cr) {
    return vec3(y + pc.matrix.x * cr, y - pc.matrix.y * cb - pc.matrix.z * cr, y + pc.matrix.w * cb);
}

float alphaOf(float code) { return code / float((1u << ((compOf(kComponents - 1u) >> 21) & 31u)) - 1u); }

void main() {
    const uint colourComponents = kAlpha ? kComponents - 1u : kComponents;
    if (kGroup == 4u) {
        const uint x0 = gl_GlobalInvocationID.x * 4u, y = gl_GlobalInvocationID.y;
        if (x0 >= pc.width || y >= pc.height) return;
        const int w = int(pc.width);
        const vec4 c0 = codes4(0u, int(x0), y, w);
        vec4 c1 = vec4(0.0), c2 = vec4(0.0), a = vec4(1.0);
        if (colourComponents >= 3u) {
            c1 = kRgb || !kSubsampled ? codes4(1u, int(x0), y, w) : chroma4(1u, x0, y);
            c2 = kRgb || !kSubsampled ? codes4(2u, int(x0), y, w) : chroma4(2u, x0, y);
        }
        if (kAlpha) {
            const vec4 codes = codes4(kComponents - 1u, int(x0), y, w);
            a = vec4(alphaOf(codes.x), alphaOf(codes.y), alphaOf(codes.z), alphaOf(codes.w));
        }
        for (uint i = 0u; i < 4u && x0 + i < pc.width; ++i) {
            vec3 colour;
            if (kRgb) {
                colour = (vec3(c0[i], c1[i], c2[i]) - pc.range.x) / pc.range.y;
            } else {
                const float luma = (c0[i] - pc.range.x) / pc.range.y;
                colour = colourComponents < 3u ? vec3(luma)
                                               : toRgb(luma, (c1[i] - pc.range.z) / pc.range.w, (c2[i] - pc.range.z) / pc.range.w);
            }
            dst[y * pc.width + x0 + i] = vec4(colour, a[i]);
        }
        return;
    }
    const uvec2 at = gl_GlobalInvocationID.xy;
    if (at.x >= pc.width || at.y >= pc.height) return;
    vec3 colour;
    if (kRgb) {
        colour = vec3(code(0u, at.x, at.y), code(1u, at.x, at.y), code(2u, at.x, at.y));
        colour = (colour - pc.range.x) / pc.range.y;
    } else {
        const float y = (code(0u, at.x, at.y) - pc.range.x) / pc.range.y;
        if (colourComponents < 3u) {
            colour = vec3(y);
        } else {
            const float cb = (chroma(1u, at) - pc.range.z) / pc.range.w;
            const float cr = (chroma(2u, at) - pc.range.z) / pc.range.w;
            colour = toRgb(y, cb, cr);
        }
    }
    const float a = kAlpha ? alphaOf(code(kComponents - 1u, at.x, at.y)) : 1.0;
    dst[at.y * pc.width + at.x] = vec4(colour, a);
}
