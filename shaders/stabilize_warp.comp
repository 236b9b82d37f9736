#version 450
// Frame n resampled onto the stabilised frame: pixel y (zoomed about the centre by `zoom`, so the
// edges the correction uncovers can be cropped) shows frame n at correction(y), by Catmull-Rom
// bicubic (4 x 4) or Lanczos-3 (6 x 6) interpolation, in float. Outside frame n the edge pixels
// repeat (`edges` 0) or the picture is black (1).
layout(local_size_x = 16, local_size_y = 16) in;

layout(std430, set = 0, binding = 0) readonly buffer Source { vec4 src[]; };
layout(std430, set = 0, binding = 1) readonly buffer Correction { vec4 correction[]; };
layout(std430, set = 0, binding = 2) writeonly buffer Destination { vec4 dst[]; };

layout(push_constant) uniform Push {
    int width, height;
    float zoom;
    int lanczos;  // 0: bicubic
    int edges;    // 0: repeat, 1: black
} pc;

vec4 texel(ivec2 p) {
    p = clamp(p, ivec2(0), ivec2(pc.width - 1, pc.height - 1));
    return src[p.y * pc.width + p.x];
}

float cubic(float x) {  // Catmull-Rom
    x = abs(x);
    if (x < 1.0) return 1.5 * x * x * x - 2.5 * x * x + 1.0;
    if (x < 2.0) return -0.5 * x * x * x + 2.5 * x * x - 4.0 * x + 2.0;
    return 0.0;
}

float lanczos3(float x) {
    x = abs(x);
    if (x < 1e-6) return 1.0;
    if (x >= 3.0) return 0.0;
    const float pi = 3.14159265358979;
    return 3.0 * sin(pi * x) * sin(pi * x / 3.0) / (pi * pi * x * x);
}

void main() {
    const ivec2 p = ivec2(gl_GlobalInvocationID.xy);
    if (p.x >= pc.width || p.y >= pc.height) return;
    const vec2 centre = 0.5 * vec2(pc.width - 1, pc.height - 1);
    const vec2 y = (vec2(p) - centre) / pc.zoom;
    const vec4 c = correction[0];
    const vec2 x = vec2(c.x * y.x - c.y * y.y, c.x * y.y + c.y * y.x) + c.zw + centre;
    const int o = p.y * pc.width + p.x;
    if (pc.edges == 1 && (x.x < -0.5 || x.y < -0.5 || x.x > float(pc.width) - 0.5 || x.y > float(pc.height) - 0.5)) {
        dst[o] = vec4(0.0, 0.0, 0.0, 1.0);
        return;
    }
    const ivec2 i = ivec2(floor(x));
    const vec2 f = x - vec2(i);
    const int reach = pc.lanczos != 0 ? 3 : 2;
    vec4 sum = vec4(0.0);
    float weights = 0.0;
    for (int dy = 1 - reach; dy <= reach; ++dy) {
        const float wy = pc.lanczos != 0 ? lanczos3(float(dy) - f.y) : cubic(float(dy) - f.y);
        for (int dx = 1 - reach; dx <= reach; ++dx) {
            const float w = wy * (pc.lanczos != 0 ? lanczos3(float(dx) - f.x) : cubic(float(dx) - f.x));
            sum += w * texel(i + ivec2(dx, dy));
            weights += w;
        }
    }
    dst[o] = sum / weights;
}
