#version 450
// The station's window background: the viewer image (fit, zoom and pan, nearest pixel so 1:1 is
// exact), split-wiped against a reference, and the scope image, as code values packed for the
// swapchain's format (window_pack.glsl). No transfer function is applied to the viewer image: the
// frame already holds display code values.
#extension GL_GOOGLE_include_directive : require
layout(local_size_x = 16, local_size_y = 16) in;

#include "window_pack.glsl"

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
    uint packing;                     // window_pack.glsl (WindowPacking)
    uint uiToPq;                      // 1: the swapchain is HDR10; the station's own pixels go to PQ
    int regionX, regionY;             // the dispatch covers the window from here (what changed)
} pc;

// An sRGB code value (IEC 61966-2-1) as ST 2084 code values in Rec.2020, its white at 203 cd/m2
// (ITU-R BT.2408 graphics white); the same mapping as the UI colours get (app/gui/GraphicsWhite.cpp).
vec3 uiToPq(vec3 c) {
    c = clamp(c, 0.0, 1.0);
    const vec3 linear = mix(c / 12.92, pow((c + 0.055) / 1.055, vec3(2.4)), greaterThan(c, vec3(0.04045)));
    // Rec.709 to Rec.2020 primaries (ITU-R BT.2087), column-major.
    const mat3 toRec2020 = mat3(0.627403896, 0.069097289, 0.016391439,
                                0.329283039, 0.919540395, 0.088013308,
                                0.043313065, 0.011362316, 0.895595253);
    const vec3 y = clamp(toRec2020 * linear * (203.0 / 10000.0), 0.0, 1.0);
    const float m1 = 2610.0 / 16384.0, m2 = 2523.0 / 4096.0 * 128.0;
    const float c1 = 3424.0 / 4096.0, c2 = 2413.0 / 4096.0 * 32.0, c3 = 2392.0 / 4096.0 * 32.0;
    const vec3 ym = pow(y, vec3(m1));
    return pow((c1 + c2 * ym) / (1.0 + c3 * ym), vec3(m2));
}

void main() {
    const ivec2 p = ivec2(gl_GlobalInvocationID.xy) + ivec2(pc.regionX, pc.regionY);
    if (p.x >= pc.windowW || p.y >= pc.windowH) return;
    vec3 c = vec3(0.08);
    bool station = true;  // the station's own pixels, not the viewer image
    if (p.x >= pc.viewX && p.y >= pc.viewY && p.x < pc.viewX + pc.viewW && p.y < pc.viewY + pc.viewH) {
        c = vec3(0.12);
        // The centre of the window pixel, mapped into the image: floor gives the image pixel it lies in.
        const vec2 at = vec2(pc.originX, pc.originY) + (vec2(p - ivec2(pc.viewX, pc.viewY)) + 0.5) / pc.scale;
        const ivec2 i = ivec2(floor(at));
        if (i.x >= 0 && i.y >= 0 && i.x < pc.imageW && i.y < pc.imageH) {
            const int index = i.y * pc.imageW + i.x;
            c = at.x >= pc.wipe ? reference[index].rgb : graded[index].rgb;
            station = false;
        }
        if (pc.wipe < float(pc.imageW) && abs(at.x - pc.wipe) * pc.scale < 1.0) {
            c = vec3(1.0);
            station = true;
        }
    } else if (pc.scopeW > 0 && p.x >= pc.scopeX && p.y >= pc.scopeY && p.x < pc.scopeX + pc.scopeW &&
               p.y < pc.scopeY + pc.scopeH) {
        const int sx = ((p.x - pc.scopeX) * pc.scopeImageW) / pc.scopeW;
        const int sy = ((p.y - pc.scopeY) * pc.scopeImageH) / pc.scopeH;
        const uint s = scope[sy * pc.scopeImageW + sx];
        c = vec3(float(s & 255u), float((s >> 8) & 255u), float((s >> 16) & 255u)) / 255.0;
    }
    if (station && pc.uiToPq == 1u) c = uiToPq(c);
    window[p.y * pc.windowW + p.x] = tinct_window_pack(c, pc.packing);
}
