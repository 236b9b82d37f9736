// A vector field read at any pixel: the block vectors interpolated bilinearly between block centres
// (see motion_block.glsl for the grid). The including shader declares FIELD_BUFFER (vec4 per block)
// and push constants `blocksX`, `blocksY`.
vec4 fieldBlock(ivec2 b) {
    b = clamp(b, ivec2(0), ivec2(pc.blocksX - 1, pc.blocksY - 1));
    return FIELD_BUFFER[b.y * pc.blocksX + b.x];
}

vec4 fieldAt(vec2 pixel) {
    const float stride = 4.0;  // MOTION_STRIDE
    const vec2 q = clamp((pixel - (0.5 * stride - 0.5)) / stride, vec2(0.0), vec2(pc.blocksX - 1, pc.blocksY - 1));
    const ivec2 i = ivec2(floor(q));
    const vec2 f = q - vec2(i);
    return mix(mix(fieldBlock(i), fieldBlock(i + ivec2(1, 0)), f.x), mix(fieldBlock(i + ivec2(0, 1)), fieldBlock(i + ivec2(1, 1)), f.x), f.y);
}
