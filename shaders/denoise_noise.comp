#version 450
// The noise of frame n, per channel and luma band: film grain and sensor noise both change with
// intensity (grain is strongest in the mid-tones of a print). Samples every `step` pixels compare
// frame n with its motion-compensated neighbour; the two hold the same picture with independent
// noise, so their difference has sqrt(2) times the noise's deviation, and its median absolute value,
// robust to what the motion got wrong, is 0.6745 of that. Eight bands span the samples' luma; a band
// with too few samples takes its nearest neighbour's. One workgroup and integer counts: the same
// frames give the same estimate, bit for bit.
// Writes noise[0], noise[1]: the luma of the first and last band's centre; noise[2 + 3 * band + c]:
// the deviation of channel c in that band. A given deviation (pc.given > 0) is written instead.
layout(local_size_x = 256) in;

layout(std430, set = 0, binding = 0) readonly buffer Cur { vec4 cur[]; };
layout(std430, set = 0, binding = 1) readonly buffer Other { vec4 other[]; };  // a neighbour, compensated
layout(std430, set = 0, binding = 2) writeonly buffer Noise { float noise[]; };

layout(push_constant) uniform Push {
    int width, height, step;
    float given;
} pc;

const int kBands = 8, kBuckets = 128, kLeastSamples = 48;
const vec3 kLuma = vec3(0.2126, 0.7152, 0.0722);

shared float reduceMin[256], reduceMax[256];
shared vec3 reduceSum[256];
shared uint histogram[kBands * 3 * kBuckets];
shared float deviation[kBands * 3];

bool sampleAt(int k, out vec3 c, out vec3 d) {
    const int across = (pc.width + pc.step - 1) / pc.step;
    const ivec2 p = ivec2(k % across, k / across) * pc.step;
    if (p.y >= pc.height) return false;
    const int o = p.y * pc.width + p.x;
    c = cur[o].rgb;
    d = abs(c - other[o].rgb);
    return all(lessThan(abs(c), vec3(1e6))) && all(lessThan(d, vec3(1e6)));  // NaN and Inf fail too
}

void main() {
    const uint t = gl_LocalInvocationID.x;
    const int samples = ((pc.width + pc.step - 1) / pc.step) * ((pc.height + pc.step - 1) / pc.step);
    float lo = 1e30, hi = -1e30;
    vec3 sum = vec3(0.0);
    for (int k = int(t); k < samples; k += 256) {
        vec3 c, d;
        if (!sampleAt(k, c, d)) continue;
        const float y = dot(c, kLuma);
        lo = min(lo, y), hi = max(hi, y);
        sum += d;
    }
    reduceMin[t] = lo, reduceMax[t] = hi, reduceSum[t] = sum;
    for (uint i = t; i < uint(kBands * 3 * kBuckets); i += 256u) histogram[i] = 0u;
    barrier();
    for (uint s = 128u; s > 0u; s >>= 1u) {
        if (t < s) {
            reduceMin[t] = min(reduceMin[t], reduceMin[t + s]);
            reduceMax[t] = max(reduceMax[t], reduceMax[t + s]);
            reduceSum[t] += reduceSum[t + s];
        }
        barrier();
    }
    lo = reduceMin[0], hi = max(reduceMax[0], reduceMin[0] + 1e-6);
    // Buckets reach four times the mean difference (about 3.2 deviations of the difference).
    const vec3 reach = max(4.0 * reduceSum[0] / float(max(samples, 1)), vec3(1e-9));
    for (int k = int(t); k < samples; k += 256) {
        vec3 c, d;
        if (!sampleAt(k, c, d)) continue;
        const int band = clamp(int((dot(c, kLuma) - lo) / (hi - lo) * float(kBands)), 0, kBands - 1);
        for (int ch = 0; ch < 3; ++ch) {
            const int bucket = min(int(d[ch] / reach[ch] * float(kBuckets)), kBuckets - 1);
            atomicAdd(histogram[(band * 3 + ch) * kBuckets + bucket], 1u);
        }
    }
    barrier();
    if (t < uint(kBands * 3)) {
        const uint base = t * uint(kBuckets);
        uint total = 0u;
        for (int b = 0; b < kBuckets; ++b) total += histogram[base + b];
        float median = -1.0;
        if (total >= uint(kLeastSamples)) {
            const float middle = 0.5 * float(total);
            uint below = 0u;
            for (int b = 0; b < kBuckets; ++b) {
                const uint n = histogram[base + b];
                if (float(below + n) >= middle) {
                    median = (float(b) + (middle - float(below)) / float(max(n, 1u))) / float(kBuckets) * reach[t % 3u];
                    break;
                }
                below += n;
            }
        }
        deviation[t] = median < 0.0 ? -1.0 : median / (0.6745 * sqrt(2.0));
    }
    barrier();
    if (t == 0u) {
        const float width = (hi - lo) / float(kBands);
        noise[0] = lo + 0.5 * width;
        noise[1] = hi - 0.5 * width;
        for (int band = 0; band < kBands; ++band)
            for (int ch = 0; ch < 3; ++ch) {
                float v = deviation[band * 3 + ch];
                for (int away = 1; v < 0.0 && away < kBands; ++away) {  // the nearest band with samples
                    if (band - away >= 0 && deviation[(band - away) * 3 + ch] >= 0.0) v = deviation[(band - away) * 3 + ch];
                    else if (band + away < kBands && deviation[(band + away) * 3 + ch] >= 0.0) v = deviation[(band + away) * 3 + ch];
                }
                noise[2 + band * 3 + ch] = pc.given > 0.0 ? pc.given : max(v, 0.0);
            }
    }
}
