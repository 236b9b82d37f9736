#version 450
// Deflicker, second pass: which regions of frame m match n well enough to lend their level (the
// fit's residual is small, or the two are strongly correlated; most of the region's match inside the
// frame), marked in the entry's .w, and what fraction of the frame's regions do. A frame where few do
// is across a cut the source did not report, or too different to trust: the window stops before it.
// One work group per frame of the window.
layout(local_size_x = 64) in;

layout(std430, set = 0, binding = 0) buffer Stats { vec4 stats[]; };
layout(std430, set = 0, binding = 1) writeonly buffer Frames { float frames[]; };

layout(push_constant) uniform Push {
    int regions;
    float maxResidual;
    float minCorrelation;
} pc;

shared float counted[64];

void main() {
    const int slot = int(gl_WorkGroupID.x);
    const uint t = gl_LocalInvocationID.x;
    float valid = 0.0;
    for (int r = int(t); r < pc.regions; r += 64) {
        const int o = (slot * pc.regions + r) * 5 + 4;
        const vec4 e = stats[o];
        const bool ok = e.y >= 0.5 && (e.x <= pc.maxResidual || e.z >= pc.minCorrelation);
        stats[o].w = ok ? 1.0 : 0.0;
        valid += ok ? 1.0 : 0.0;
    }
    counted[t] = valid;
    barrier();
    for (uint half_ = 32u; half_ > 0u; half_ >>= 1) {
        if (t < half_) counted[t] += counted[t + half_];
        barrier();
    }
    if (t == 0u) frames[slot] = counted[0] / float(pc.regions);
}
