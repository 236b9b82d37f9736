#version 450
// The luma proxy motion is estimated on: Rec. 709 weights on the values as they are (log code values
// or linear), NaN and Inf as 0 so that one bad pixel cannot poison a block's match.
layout(local_size_x = 256) in;

layout(std430, set = 0, binding = 0) readonly buffer Source { vec4 src[]; };
layout(std430, set = 0, binding = 1) writeonly buffer Luma { float luma[]; };

layout(push_constant) uniform Push {
    uint pixelCount;
    uint rowPitch;
} pc;

void main() {
    const uint i = gl_GlobalInvocationID.y * pc.rowPitch + gl_GlobalInvocationID.x;
    if (i >= pc.pixelCount) return;
    const float y = dot(src[i].rgb, vec3(0.2126, 0.7152, 0.0722));
    luma[i] = isnan(y) || isinf(y) ? 0.0 : y;
}
