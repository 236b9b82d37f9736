#version 450
// The defects: pixels that stood out the same way, in one channel at least, in `needed` of the
// window's frames or more. The picture moves under a defect of the scanner or the camera; it stays.
// And the pixels a defect map marks, when the node has one (in a shot too short to tell, too).
layout(local_size_x = 256) in;

layout(std430, set = 0, binding = 0) readonly buffer Votes { uint votes[]; };
layout(std430, set = 0, binding = 1) writeonly buffer Matte { float matte[]; };
layout(std430, set = 0, binding = 2) readonly buffer Map { float marked[]; };

layout(push_constant) uniform Push {
    uint pixelCount;
    uint rowPitch;
    uint needed;
    uint polarity;  // 0: both, 1: dark only, 2: bright only
    uint useMap;    // 1: `marked` is the defect map
} pc;

void main() {
    const uint i = gl_GlobalInvocationID.y * pc.rowPitch + gl_GlobalInvocationID.x;
    if (i >= pc.pixelCount) return;
    const uint v = votes[i];
    bool defect = false;
    for (uint k = 0u; k < 6u; ++k) {
        const bool dark = k >= 3u;
        if ((pc.polarity == 1u && !dark) || (pc.polarity == 2u && dark)) continue;
        defect = defect || ((v >> (5u * k)) & 31u) >= pc.needed;
    }
    if (pc.useMap != 0u) defect = defect || marked[i] > 0.0;
    matte[i] = defect ? 1.0 : 0.0;
}
