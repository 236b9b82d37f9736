#version 450
// frame_repair's result: frame n as it is, or rebuilt (`mode` 1, or 2 and the detection said so),
// and the repair matte: the whole frame where it was rebuilt, for counting repairs.
layout(local_size_x = 256) in;

layout(std430, set = 0, binding = 0) readonly buffer Cur { vec4 cur[]; };
layout(std430, set = 0, binding = 1) readonly buffer Rebuilt { vec4 rebuilt[]; };
layout(std430, set = 0, binding = 2) readonly buffer Decision { float decision[]; };
layout(std430, set = 0, binding = 3) writeonly buffer Destination { vec4 dst[]; };
layout(std430, set = 0, binding = 4) writeonly buffer Matte { float matte[]; };

layout(push_constant) uniform Push {
    uint pixelCount;
    uint rowPitch;
    uint mode;  // 0: as it is, 1: rebuilt, 2: as the detection decided
} pc;

void main() {
    const uint i = gl_GlobalInvocationID.y * pc.rowPitch + gl_GlobalInvocationID.x;
    if (i >= pc.pixelCount) return;
    const bool rebuild = pc.mode == 1u || (pc.mode == 2u && decision[0] > 0.5);
    dst[i] = rebuild ? vec4(rebuilt[i].rgb, cur[i].a) : cur[i];
    matte[i] = rebuild ? 1.0 : 0.0;
}
