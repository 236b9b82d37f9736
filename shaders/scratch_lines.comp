#version 450
// Where the scratches are: per column and band, the line found there (its evidence in each width
// class taken with the bands above and below: a scratch is long, a short line in the picture is
// not), kept where it reaches the threshold, has the polarity asked for and is the strongest of its
// neighbourhood (the scratch's centre, not its flank, nor the flank of a stronger line of the other
// sign). Written per column and band: the centre's signed evidence and its class's d.
layout(local_size_x = 256) in;

layout(std430, set = 0, binding = 0) readonly buffer Window { float window[]; };  // [class][band][x]
layout(std430, set = 0, binding = 1) writeonly buffer Centres { vec2 centres[]; };  // [band][x]: evidence, class d (0: none)

layout(push_constant) uniform Push {
    int width, bands, rowPitch, maxClass;  // maxClass: the widest class looked for (0 .. 2)
    float threshold;
    uint polarity;  // 0: both, 1: dark only, 2: bright only
} pc;

const float kClassWeight[3] = float[3](1.0, 2.2, 3.4);

// A class's evidence at a column: the median of this band's and the bands above and below (at the
// frame's top or bottom, the weaker of two).
float along(int k, int band, int x) {
    const int b0 = max(band - 1, 0), b1 = min(band + 1, pc.bands - 1);
    float v[3];
    int n = 0;
    for (int b = b0; b <= b1; ++b) v[n++] = window[(k * pc.bands + b) * pc.width + x];
    if (n == 1) return v[0];
    if (n == 2) return abs(v[0]) < abs(v[1]) ? v[0] : v[1];
    return max(min(v[0], v[1]), min(max(v[0], v[1]), v[2]));
}

// The strongest class at a column: its signed evidence, weighed, and class index. The wider classes
// measure against columns further away, across more of the picture's own texture, and their
// evidence counts for less: what texture leaves after pooling, measured on the test-made film,
// grows about as 1 : 2.2 : 3.4 with the class.
vec2 strongest(int band, int x) {
    vec2 best = vec2(0.0);
    for (int k = 0; k <= pc.maxClass; ++k) {
        const float e = along(k, band, x) / kClassWeight[k];
        if (abs(e) > abs(best.x)) best = vec2(e, float(k));
    }
    return best;
}

bool wanted(float e) {
    if (abs(e) < pc.threshold) return false;
    return pc.polarity == 0u || (pc.polarity == 1u && e < 0.0) || (pc.polarity == 2u && e > 0.0);
}

void main() {
    const uint i = gl_GlobalInvocationID.y * uint(pc.rowPitch) + gl_GlobalInvocationID.x;
    if (i >= uint(pc.width * pc.bands)) return;
    const int band = int(i) / pc.width, x = int(i) % pc.width;
    const vec2 here = strongest(band, x);
    vec2 result = vec2(0.0);
    if (wanted(here.x)) {
        const int d = int(here.y) + 2;
        bool peak = true;
        for (int o = -d; o <= d && peak; ++o) {
            if (o == 0 || x + o < 0 || x + o >= pc.width) continue;
            const vec2 there = strongest(band, x + o);
            // The same sign and stronger, or as strong and to the left: that one is the centre.
            if (there.x * here.x > 0.0 && (abs(there.x) > abs(here.x) || (abs(there.x) == abs(here.x) && o < 0))) peak = false;
        }
        // Beside a stronger line of the other sign, within its sides' reach, this is that line's
        // flank (its sides measured across it), not a line of its own.
        for (int o = -2 * d; o <= 2 * d && peak; ++o) {
            if (o == 0 || x + o < 0 || x + o >= pc.width) continue;
            const vec2 there = strongest(band, x + o);
            if (there.x * here.x < 0.0 && abs(there.x) > abs(here.x) && abs(there.x) >= pc.threshold) peak = false;
        }
        if (peak) result = vec2(here.x, float(d));
    }
    centres[i] = result;
}
