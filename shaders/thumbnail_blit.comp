#version 450
// Node thumbnails into the station's window buffer, after the viewer composite: either a flat fill
// of the node editor's canvas (ImGui draws the boxes and links over it, leaving the thumbnail areas
// uncovered), or one thumbnail scaled into its rectangle with bilinear filtering. Only the region
// given is written: the canvas, or the part of a thumbnail's rectangle inside the canvas. The
// thumbnail already holds display code values and the fill is given in the window's signal, so
// nothing but the packing is applied.
#extension GL_GOOGLE_include_directive : require
layout(local_size_x = 16, local_size_y = 16) in;

#include "window_pack.glsl"

layout(std430, set = 0, binding = 0) readonly buffer Thumbnail { vec4 thumbnail[]; };
layout(std430, set = 0, binding = 1) writeonly buffer Window { uint window[]; };

layout(push_constant) uniform Push {
    int windowW, windowH;
    int x0, y0, x1, y1;               // the window pixels written (x1, y1 exclusive), inside the window
    float rectX, rectY, rectW, rectH; // where the whole thumbnail goes, in window pixels
    int thumbW, thumbH;               // 0: fill with `fill` instead
    uint packing;                     // window_pack.glsl (WindowPacking)
    float fillR, fillG, fillB;
} pc;

vec4 texel(ivec2 t) { return thumbnail[clamp(t.y, 0, pc.thumbH - 1) * pc.thumbW + clamp(t.x, 0, pc.thumbW - 1)]; }

void main() {
    const ivec2 p = ivec2(pc.x0, pc.y0) + ivec2(gl_GlobalInvocationID.xy);
    if (p.x >= pc.x1 || p.y >= pc.y1) return;
    vec3 c = vec3(pc.fillR, pc.fillG, pc.fillB);
    if (pc.thumbW > 0) {
        // The window pixel's centre in thumbnail pixels, less half a texel: the four texels around it.
        const vec2 at = (vec2(p) + 0.5 - vec2(pc.rectX, pc.rectY)) / vec2(pc.rectW, pc.rectH) * vec2(pc.thumbW, pc.thumbH) - 0.5;
        const ivec2 i = ivec2(floor(at));
        const vec2 f = at - vec2(i);
        c = mix(mix(texel(i).rgb, texel(i + ivec2(1, 0)).rgb, f.x), mix(texel(i + ivec2(0, 1)).rgb, texel(i + ivec2(1, 1)).rgb, f.x),
                f.y);
    }
    window[p.y * pc.windowW + p.x] = tinct_window_pack(c, pc.packing);
}
