#version 450
// How much a frame's picture spreads, in its own units: the mean absolute deviation of a luma level
// of its pyramid (about 256 pixels across, so the measure means the same at any resolution) from its
// mean, as a factor against the spread of a display-referred picture. A threshold in the data's
// units times this factor asks for the same contrast of a log scan, a video frame or a picture in a
// flat working space such as ACEScct (about a sixth of the spread). One workgroup, a fixed order of
// sums: the same frame gives the same factor, bit for bit.
layout(local_size_x = 256) in;

layout(std430, set = 0, binding = 0) readonly buffer Luma { float luma[]; };
layout(std430, set = 0, binding = 1) writeonly buffer Factor { float factor[]; };

layout(push_constant) uniform Push {
    uint pixelCount;
    float reference;  // the spread that gives 1
    float least;      // the factor never goes below this
} pc;

shared float partial[256];

float reduce(float v) {
    partial[gl_LocalInvocationID.x] = v;
    barrier();
    for (uint s = 128u; s > 0u; s >>= 1u) {
        if (gl_LocalInvocationID.x < s) partial[gl_LocalInvocationID.x] += partial[gl_LocalInvocationID.x + s];
        barrier();
    }
    const float total = partial[0];
    barrier();
    return total;
}

void main() {
    const uint t = gl_LocalInvocationID.x;
    float sum = 0.0;
    for (uint i = t; i < pc.pixelCount; i += 256u) sum += luma[i];
    const float mean = reduce(sum) / float(max(pc.pixelCount, 1u));
    float deviation = 0.0;
    for (uint i = t; i < pc.pixelCount; i += 256u) deviation += abs(luma[i] - mean);
    const float spread = reduce(deviation) / float(max(pc.pixelCount, 1u));
    if (t == 0u) factor[0] = clamp(spread / pc.reference, pc.least, 1.0);
}
