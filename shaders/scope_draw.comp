#version 450
// Draws a scope image from its counts, on the GPU: a phosphor-like trace (brightness grows with
// the logarithm of the count, as on an analogue scope) and the graticule, targets and outlines as
// anti-aliased line segments. Writes RGBA8 pixels.
//   mode 0 waveform luma, 1 waveform RGB overlay, 2 RGB parade, 3 histogram, 4 vectorscope, 5 CIE
layout(local_size_x = 16, local_size_y = 16) in;

layout(std430, set = 0, binding = 0) readonly buffer Counts { uint counts[]; };
layout(std430, set = 0, binding = 1) readonly buffer Maxima { uint maxima[]; };
// Two vec4 per segment: (x0, y0, x1, y1) in image pixels, (r, g, b, width in pixels).
layout(std430, set = 0, binding = 2) readonly buffer Segments { vec4 segments[]; };
layout(std430, set = 0, binding = 3) writeonly buffer Image { uint image[]; };

layout(push_constant) uniform Push {
    uint width, height, mode, offset;
    uint columns, rows;     // of the counts: waveform columns x levels, histogram bins x 1, plot grid
    uint segmentCount, maxSlot;
    uint logCounts;         // histogram: 1 for log counts
} pc;

const vec3 CHANNEL[4] = vec3[4](vec3(1.0, 0.25, 0.2), vec3(0.25, 1.0, 0.3), vec3(0.3, 0.45, 1.0), vec3(0.85, 1.0, 0.85));

float phosphor(uint n) {
    const float top = float(max(maxima[pc.maxSlot], 1u));
    return n == 0u ? 0.0 : pow(log(1.0 + float(n)) / log(1.0 + top), 0.55);
}

uint waveformCount(uint ch, uint column, uint y) {
    const uint level = ((pc.height - 1u - y) * pc.rows) / pc.height;
    return counts[pc.offset + (ch * pc.rows + level) * pc.columns + column];
}

vec3 trace(uint x, uint y) {
    if (pc.mode == 0u) return CHANNEL[3] * phosphor(waveformCount(3u, (x * pc.columns) / pc.width, y));
    if (pc.mode == 1u) {
        const uint column = (x * pc.columns) / pc.width;
        vec3 c = vec3(0.0);
        for (uint ch = 0u; ch < 3u; ++ch) c += CHANNEL[ch] * phosphor(waveformCount(ch, column, y));
        return c;
    }
    if (pc.mode == 2u) {
        const uint panelWidth = pc.width / 3u, panel = min(x / panelWidth, 2u);
        return CHANNEL[panel] * phosphor(waveformCount(panel, ((x - panel * panelWidth) * pc.columns) / panelWidth, y));
    }
    if (pc.mode == 3u) {
        // Bars: the fullest bin among those this image column covers, against the fullest of all.
        const uint b0 = (x * pc.columns) / pc.width, b1 = max(b0 + 1u, ((x + 1u) * pc.columns) / pc.width);
        const float top = float(max(maxima[pc.maxSlot], 1u));
        const float above = (float(pc.height - y) - 0.5) / float(pc.height);
        vec3 c = vec3(0.0);
        for (uint ch = 0u; ch < 4u; ++ch) {
            uint n = 0u;
            for (uint b = b0; b < b1; ++b) n = max(n, counts[pc.offset + ch * pc.columns + b]);
            const float h = pc.logCounts != 0u ? log(1.0 + float(n)) / log(1.0 + top) : float(n) / top;
            if (above < h) c += ch == 3u ? vec3(0.25) : CHANNEL[ch] * 0.55;
        }
        return c;
    }
    // Plots: the grid matches the image.
    const float p = phosphor(counts[pc.offset + y * pc.columns + x]);
    return (pc.mode == 4u ? vec3(0.55, 1.0, 0.6) : vec3(0.9, 0.95, 1.0)) * p;
}

float distanceToSegment(vec2 p, vec2 a, vec2 b) {
    const vec2 ab = b - a;
    const float t = clamp(dot(p - a, ab) / max(dot(ab, ab), 1e-6), 0.0, 1.0);
    return length(p - (a + t * ab));
}

void main() {
    const uvec2 at = gl_GlobalInvocationID.xy;
    if (at.x >= pc.width || at.y >= pc.height) return;
    vec3 c = vec3(0.03) + trace(at.x, at.y);
    const vec2 p = vec2(at) + 0.5;
    for (uint s = 0u; s < pc.segmentCount; ++s) {
        const vec4 ends = segments[2u * s], style = segments[2u * s + 1u];
        const float coverage = clamp(style.w * 0.5 + 0.5 - distanceToSegment(p, ends.xy, ends.zw), 0.0, 1.0);
        c = mix(c, style.rgb, coverage * 0.8);
    }
    const uvec4 rgba = uvec4(round(clamp(vec4(c, 1.0), 0.0, 1.0) * 255.0));
    image[at.y * pc.width + at.x] = rgba.r | (rgba.g << 8) | (rgba.b << 16) | (rgba.a << 24);
}
