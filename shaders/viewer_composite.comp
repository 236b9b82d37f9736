#version 450
// The station's window background: the viewer image (fit, zoom and pan, nearest pixel so 1:1 is
// exact), split-wiped against a reference, and the scope image, as 8-bit UNORM code values for the
// swapchain. No transfer function is applied here: the frame already holds display code values.
layout(local_size_x = 16, local_size_y = 16) in;

layout(std430, set = 0, binding = 0) readonly buffer Graded { vec4 graded[]; };
layout(std430, set = 0, binding = 1) readonly buffer Reference { vec4 reference[]; };
layout(std430, set = 0, binding = 2) readonly buffer Scope { uint scope[]; };  // RGBA8, R in the low byte
layout(std430, set = 0, binding = 3) writeonly buffer Window { uint window[]; };

layout(push_constant) uniform Push {
    int windowW, windowH;
    int viewX, viewY, viewW, viewH;   // the viewer's area in window pixels
    int imageW, imageH;
    float originX, originY;           // image coordinate at the viewer area's top-left corner
    float scale;                      // window pixels per image pixel
    float wipe;                       // image x where the reference starts; >= imageW: no wipe
    int scopeX, scopeY, scopeW, scopeH;  // where the scope image goes; scopeW 0: none
    int scopeImageW, scopeImageH;
    uint bgr;                         // 1: the swapchain is B8G8R8A8
} pc;

uint pack(vec3 c) {
    const uvec3 v = uvec3(round(clamp(c, 0.0, 1.0) * 255.0));
    return pc.bgr == 1u ? (v.b | (v.g << 8) | (v.r << 16) | 0xff000000u) : (v.r | (v.g << 8) | (v.b << 16) | 0xff000000u);
}

void main() {
    const ivec2 p = ivec2(gl_GlobalInvocationID.xy);
    if (p.x >= pc.windowW || p.y >= pc.windowH) return;
    vec3 c = vec3(0.08);
    if (p.x >= pc.viewX && p.y >= pc.viewY && p.x < pc.viewX + pc.viewW && p.y < pc.viewY + pc.viewH) {
        c = vec3(0.12);
        // The centre of the window pixel, mapped into the image: floor gives the image pixel it lies in.
        const vec2 at = vec2(pc.originX, pc.originY) + (vec2(p - ivec2(pc.viewX, pc.viewY)) + 0.5) / pc.scale;
        const ivec2 i = ivec2(floor(at));
        if (i.x >= 0 && i.y >= 0 && i.x < pc.imageW && i.y < pc.imageH) {
            const int index = i.y * pc.imageW + i.x;
            c = at.x >= pc.wipe ? reference[index].rgb : graded[index].rgb;
        }
        if (pc.wipe < float(pc.imageW) && abs(at.x - pc.wipe) * pc.scale < 1.0) c = vec3(1.0);
    } else if (pc.scopeW > 0 && p.x >= pc.scopeX && p.y >= pc.scopeY && p.x < pc.scopeX + pc.scopeW &&
               p.y < pc.scopeY + pc.scopeH) {
        const int sx = ((p.x - pc.scopeX) * pc.scopeImageW) / pc.scopeW;
        const int sy = ((p.y - pc.scopeY) * pc.scopeImageH) / pc.scopeH;
        const uint s = scope[sy * pc.scopeImageW + sx];
        c = vec3(float(s & 255u), float((s >> 8) & 255u), float((s >> 16) & 255u)) / 255.0;
    }
    window[p.y * pc.windowW + p.x] = pack(c);
}
