#version 450
// The repair matte before it grows: detected pixels, less regions too small (`sized` is the detection
// opened by the smallest size) or too large (`large`, opened by the largest), less what is near a
// protected pixel (`protectGrown`).
layout(local_size_x = 256) in;

layout(std430, set = 0, binding = 0) readonly buffer Sized { float sized[]; };
layout(std430, set = 0, binding = 1) readonly buffer Large { float large[]; };
layout(std430, set = 0, binding = 2) readonly buffer ProtectGrown { float protectGrown[]; };
layout(std430, set = 0, binding = 3) writeonly buffer Matte { float matte[]; };

layout(push_constant) uniform Push {
    uint pixelCount;
    uint rowPitch;
} pc;

void main() {
    const uint i = gl_GlobalInvocationID.y * pc.rowPitch + gl_GlobalInvocationID.x;
    if (i >= pc.pixelCount) return;
    matte[i] = sized[i] > 0.0 && large[i] == 0.0 && protectGrown[i] == 0.0 ? 1.0 : 0.0;
}
