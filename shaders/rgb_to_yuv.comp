#version 450
// Converts a graded RGBA32F frame to the planes an encoder takes (engine/media/PlaneLayout): R'G'B'
// to Y'CbCr by the output's matrix and range, or R'G'B' kept as it is for RGB formats; planar or
// packed, 8 to 16-bit samples, little or big endian. Each invocation writes a group of 8 pixels of
// one row, so it owns whole 32-bit words of every plane (rows are padded to 8 pixels) and no two
// invocations write the same word. Subsampled chroma is filtered at the chroma sample's position:
// [1 2 1] / 4 horizontally for co-sited (left) chroma, the mean of the two rows vertically.
//
// The layout is fixed for a stream, so it comes in as specialisation constants: every loop has a
// constant count and unrolls, every array index is a constant, and the group's pixels (with one
// neighbour either side for the chroma filter) are read once for luma and chroma alike.
layout(local_size_x = 64, local_size_y = 1) in;

// Per plane: count | comp0 << 4 | comp1 << 8 | comp2 << 12 | comp3 << 16 | chroma << 20
layout(constant_id = 0) const uint kPlane0 = 0u;
layout(constant_id = 1) const uint kPlane1 = 0u;
layout(constant_id = 2) const uint kPlane2 = 0u;
layout(constant_id = 3) const uint kPlane3 = 0u;
// planeCount | wide << 4 | bigEndian << 5 | rgb << 6 | log2ChromaWidth << 8 | log2ChromaHeight << 12
layout(constant_id = 4) const uint kFlags = 0u;
layout(constant_id = 5) const uint kMaxCode = 255u;

layout(std430, set = 0, binding = 0) readonly buffer Source { vec4 src[]; };
layout(std430, set = 0, binding = 1) buffer Planes { uint words[]; };

layout(push_constant) uniform Push {
    uvec4 planeOffset;  // bytes
    uvec4 rowBytes;
    vec4 matrix;        // kr, kb, 0, 0
    vec4 range;         // code = Y * range.y + range.x, C * range.w + range.z
    uint width, height;
} pc;

const uint kPlaneCount = kFlags & 15u;
const bool kWide = ((kFlags >> 4) & 1u) != 0u, kBigEndian = ((kFlags >> 5) & 1u) != 0u;
const bool kRgb = ((kFlags >> 6) & 1u) != 0u;
const uint kLog2W = (kFlags >> 8) & 15u, kLog2H = (kFlags >> 12) & 15u;
const uint kBytesPerSample = kWide ? 2u : 1u;

uint planeOf(uint p) { return p == 0u ? kPlane0 : p == 1u ? kPlane1 : p == 2u ? kPlane2 : kPlane3; }

vec4 pixel(int x, int y) {
    x = clamp(x, 0, int(pc.width) - 1);
    y = clamp(y, 0, int(pc.height) - 1);
    const vec4 v = src[y * int(pc.width) + x];
    // NaN becomes 0 and anything outside the code range is clipped below, as a file cannot hold it.
    return vec4(isnan(v.r) ? 0.0 : v.r, isnan(v.g) ? 0.0 : v.g, isnan(v.b) ? 0.0 : v.b, isnan(v.a) ? 0.0 : v.a);
}

vec2 chromaOf(vec3 rgb) {
    const float kr = pc.matrix.x, kb = pc.matrix.y;
    const float y = kr * rgb.r + (1.0 - kr - kb) * rgb.g + kb * rgb.b;
    return vec2((rgb.b - y) / (2.0 * (1.0 - kb)), (rgb.r - y) / (2.0 * (1.0 - kr)));
}

uint toCode(float v, float scale, float offset) {
    return uint(clamp(round(v * scale + offset), 0.0, float(kMaxCode)));
}

void main() {
    const uint groupsPerRow = (pc.width + 7u) / 8u;
    const uint group = gl_GlobalInvocationID.x % groupsPerRow, row = gl_GlobalInvocationID.x / groupsPerRow;
    if (row >= pc.height) return;
    const int x0 = int(group * 8u);

    // The group's pixels and one either side, in this row and (for 2:1 vertical chroma) the next.
    vec4 here[10], below[10];
    for (int i = 0; i < 10; ++i) here[i] = pixel(x0 - 1 + i, int(row));
    const bool chromaRow = (row & ((1u << kLog2H) - 1u)) == 0u;
    if (!kRgb && kLog2H > 0u && chromaRow)
        for (int i = 0; i < 10; ++i) below[i] = pixel(x0 - 1 + i, int(row) + 1);

    // codes[c][i]: component c (Y/R, Cb/G, Cr/B, A) of the group's i-th sample of that component.
    uint codes[4][8];
    for (int i = 0; i < 8; ++i) {
        const vec4 p = here[i + 1];
        if (kRgb) {
            codes[0][i] = toCode(p.r, pc.range.y, pc.range.x);
            codes[1][i] = toCode(p.g, pc.range.y, pc.range.x);
            codes[2][i] = toCode(p.b, pc.range.y, pc.range.x);
        } else {
            const float y = pc.matrix.x * p.r + (1.0 - pc.matrix.x - pc.matrix.y) * p.g + pc.matrix.y * p.b;
            codes[0][i] = toCode(y, pc.range.y, pc.range.x);
            codes[1][i] = codes[2][i] = 0u;
        }
        codes[3][i] = toCode(p.a, float(kMaxCode), 0.0);
    }
    if (!kRgb && chromaRow) {
        for (uint i = 0u; i < (8u >> kLog2W); ++i) {
            const int cx = int(i << kLog2W) + 1;  // in here[]
            vec2 c;
            if (kLog2W == 0u) {
                c = chromaOf(here[cx].rgb);
                if (kLog2H > 0u) c = 0.5 * (c + chromaOf(below[cx].rgb));
            } else {
                c = 0.25 * chromaOf(here[cx - 1].rgb) + 0.5 * chromaOf(here[cx].rgb) + 0.25 * chromaOf(here[cx + 1].rgb);
                if (kLog2H > 0u)
                    c = 0.5 * (c + 0.25 * chromaOf(below[cx - 1].rgb) + 0.5 * chromaOf(below[cx].rgb) +
                               0.25 * chromaOf(below[cx + 1].rgb));
            }
            codes[1][i] = toCode(c.x, pc.range.w, pc.range.z);
            codes[2][i] = toCode(c.y, pc.range.w, pc.range.z);
        }
    }

    for (uint plane = 0u; plane < kPlaneCount; ++plane) {
        const uint desc = planeOf(plane);
        const uint n = desc & 15u;
        const bool chroma = ((desc >> 20) & 1u) != 0u;
        if (chroma && !chromaRow) continue;
        const uint samples = chroma ? 8u >> kLog2W : 8u;
        const uint planeRow = chroma ? row >> kLog2H : row;
        const uint groupBytes = samples * n * kBytesPerSample;
        const uint start = pc.planeOffset[plane] + planeRow * pc.rowBytes[plane] + group * groupBytes;
        for (uint w = 0u; w < groupBytes / 4u; ++w) {
            uint word = 0u;
            for (uint b = 0u; b < 4u; ++b) {
                const uint k = w * 4u + b;
                const uint s = k / kBytesPerSample, byteInSample = k % kBytesPerSample;
                const uint comp = (desc >> (4u + 4u * (s % n))) & 15u;
                const uint v = codes[comp][s / n];
                const uint shift = kWide ? (kBigEndian ? 8u * (1u - byteInSample) : 8u * byteInSample) : 0u;
                word |= ((v >> shift) & 0xffu) << (8u * b);
            }
            words[start / 4u + w] = word;
        }
    }
}
