#version 450
// A luma pyramid level divided by a frame's spread factor (signal_spread.comp), in place: motion
// and detection then see a flat encoding of a picture as they see the picture display-referred.
layout(local_size_x = 256) in;

layout(std430, set = 0, binding = 0) buffer Luma { float luma[]; };
layout(std430, set = 0, binding = 1) readonly buffer Factor { float factor[]; };

layout(push_constant) uniform Push {
    uint pixelCount;
    uint rowPitch;
} pc;

void main() {
    const uint i = gl_GlobalInvocationID.y * pc.rowPitch + gl_GlobalInvocationID.x;
    if (i >= pc.pixelCount) return;
    luma[i] /= factor[0];
}
