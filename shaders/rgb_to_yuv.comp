#version 450
// Converts a graded RGBA32F frame to the planes an encoder takes (engine/media/PlaneLayout): R'G'B'
// to Y'CbCr by the output's matrix and range, or R'G'B' kept as it is for RGB formats; planar or
// packed, 8 to 16-bit samples, little or big endian. Each invocation writes a group of 8 pixels of
// one row, so it owns whole 32-bit words of every plane (rows are padded to 8 pixels) and no two
// invocations write the same word. Subsampled chroma is filtered at the chroma sample's position:
// [1 2 1] / 4 horizontally for co-sited (left) chroma, the mean of the two rows vertically.
layout(local_size_x = 64, local_size_y = 1) in;

layout(std430, set = 0, binding = 0) readonly buffer Source { vec4 src[]; };
layout(std430, set = 0, binding = 1) buffer Planes { uint words[]; };

layout(push_constant) uniform Push {
    uvec4 planeOffset;  // bytes
    uvec4 rowBytes;
    uvec4 planeComps;   // per plane: count | comp0 << 4 | comp1 << 8 | comp2 << 12 | comp3 << 16 | chroma << 20
    vec4 matrix;        // kr, kb, 0, 0
    vec4 range;         // code = Y * range.y + range.x, C * range.w + range.z
    uint width, height;
    uint flags;         // planeCount | wide << 4 | bigEndian << 5 | rgb << 6 | log2ChromaWidth << 8 | log2ChromaHeight << 12
    uint maxCode;
} pc;

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
    return uint(clamp(round(v * scale + offset), 0.0, float(pc.maxCode)));
}

void main() {
    const uint groupsPerRow = (pc.width + 7u) / 8u;
    const uint group = gl_GlobalInvocationID.x % groupsPerRow, row = gl_GlobalInvocationID.x / groupsPerRow;
    if (row >= pc.height) return;
    const uint planeCount = pc.flags & 15u;
    const bool wide = ((pc.flags >> 4) & 1u) != 0u, bigEndian = ((pc.flags >> 5) & 1u) != 0u;
    const bool rgb = ((pc.flags >> 6) & 1u) != 0u;
    const uint log2W = (pc.flags >> 8) & 15u, log2H = (pc.flags >> 12) & 15u;
    const uint bytesPerSample = wide ? 2u : 1u;
    const int x0 = int(group * 8u);

    // codes[c][i]: component c (Y/R, Cb/G, Cr/B, A) of the group's i-th sample of that component.
    uint codes[4][8];
    for (int i = 0; i < 8; ++i) {
        const vec4 p = pixel(x0 + i, int(row));
        if (rgb) {
            codes[0][i] = toCode(p.r, pc.range.y, pc.range.x);
            codes[1][i] = toCode(p.g, pc.range.y, pc.range.x);
            codes[2][i] = toCode(p.b, pc.range.y, pc.range.x);
        } else {
            const float y = pc.matrix.x * p.r + (1.0 - pc.matrix.x - pc.matrix.y) * p.g + pc.matrix.y * p.b;
            codes[0][i] = toCode(y, pc.range.y, pc.range.x);
        }
        codes[3][i] = toCode(p.a, float(pc.maxCode), 0.0);
    }
    const bool chromaRow = (row & ((1u << log2H) - 1u)) == 0u;
    if (!rgb && chromaRow) {
        const uint count = 8u >> log2W;
        for (uint i = 0u; i < count; ++i) {
            const int cx = x0 + int(i << log2W);
            vec2 c = vec2(0.0);
            for (uint dy = 0u; dy < (1u << log2H); ++dy) {
                const int y = int(row + dy);
                if (log2W == 0u) {
                    c += chromaOf(pixel(cx, y).rgb);
                } else {
                    c += 0.25 * chromaOf(pixel(cx - 1, y).rgb) + 0.5 * chromaOf(pixel(cx, y).rgb) +
                         0.25 * chromaOf(pixel(cx + 1, y).rgb);
                }
            }
            c /= float(1u << log2H);
            codes[1][i] = toCode(c.x, pc.range.w, pc.range.z);
            codes[2][i] = toCode(c.y, pc.range.w, pc.range.z);
        }
    }

    for (uint plane = 0u; plane < planeCount; ++plane) {
        const uint desc = pc.planeComps[plane];
        const uint n = desc & 15u;
        const bool chroma = ((desc >> 20) & 1u) != 0u;
        if (chroma && !chromaRow) continue;
        const uint samples = chroma ? 8u >> log2W : 8u;
        const uint planeRow = chroma ? row >> log2H : row;
        const uint groupBytes = samples * n * bytesPerSample;
        const uint start = pc.planeOffset[plane] + planeRow * pc.rowBytes[plane] + group * groupBytes;
        for (uint w = 0u; w < groupBytes / 4u; ++w) {
            uint word = 0u;
            for (uint b = 0u; b < 4u; ++b) {
                const uint k = w * 4u + b;
                const uint s = k / bytesPerSample, byteInSample = k % bytesPerSample;
                const uint comp = (desc >> (4u + 4u * (s % n))) & 15u;
                const uint v = codes[comp][s / n];
                const uint shift = wide ? (bigEndian ? 8u * (1u - byteInSample) : 8u * byteInSample) : 0u;
                word |= ((v >> shift) & 0xffu) << (8u * b);
            }
            words[start / 4u + w] = word;
        }
    }
}
