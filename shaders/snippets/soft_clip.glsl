// Highlight roll-off: below the knee values pass unchanged; above it they approach the ceiling
// along 1 - e^-x, meeting the straight line with the same slope (1) at the knee, so the picture
// keeps its gradients up to the ceiling instead of clipping flat.
vec4 tinct_soft_clip(vec4 c, float knee, float ceiling) {
    const float room = ceiling - knee;
    const vec3 over = max(c.rgb - knee, vec3(0.0));
    const vec3 rolled = knee + room * (1.0 - exp(-over / room));
    return vec4(mix(c.rgb, rolled, greaterThan(c.rgb, vec3(knee))), c.a);
}
