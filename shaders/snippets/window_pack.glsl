// How the station's window buffer holds one pixel: a code value (0..1, clamped) packed as the
// swapchain's format wants it, numbered as app/gui/SurfaceFormatChoice.h's WindowPacking. The one
// place that knows the window's packings for the passes that include it; a new swapchain format is
// a new case here.
const uint TINCT_WINDOW_RGBA8 = 0u;        // R8G8B8A8_UNORM: R in the low byte
const uint TINCT_WINDOW_BGRA8 = 1u;        // B8G8R8A8_UNORM: B in the low byte
const uint TINCT_WINDOW_A2B10G10R10 = 2u;  // R in the low 10 bits
const uint TINCT_WINDOW_A2R10G10B10 = 3u;  // B in the low 10 bits

uint tinct_window_pack(vec3 c, uint packing) {
    c = clamp(c, 0.0, 1.0);
    if (packing == TINCT_WINDOW_A2B10G10R10 || packing == TINCT_WINDOW_A2R10G10B10) {
        const uvec3 v = uvec3(round(c * 1023.0));
        return packing == TINCT_WINDOW_A2B10G10R10 ? (v.r | (v.g << 10) | (v.b << 20) | 0xc0000000u)
                                                   : (v.b | (v.g << 10) | (v.r << 20) | 0xc0000000u);
    }
    const uvec3 v = uvec3(round(c * 255.0));
    return packing == TINCT_WINDOW_BGRA8 ? (v.b | (v.g << 8) | (v.r << 16) | 0xff000000u)
                                         : (v.r | (v.g << 8) | (v.b << 16) | 0xff000000u);
}
