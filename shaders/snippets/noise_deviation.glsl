// The noise's deviation per channel at a luma (denoise_noise.comp's estimate in `noise`): linear
// between the centres of its eight bands, the end bands' beyond them. At least a trace, so that a
// distance divided by it stays finite on noiseless pictures.
vec3 noiseDeviation(float luma) {
    const float lo = noise[0], hi = noise[1];
    const float u = clamp((luma - lo) / max(hi - lo, 1e-9), 0.0, 1.0) * 7.0;
    const int a = min(int(u), 6);
    const float f = u - float(a);
    const vec3 da = vec3(noise[2 + a * 3], noise[3 + a * 3], noise[4 + a * 3]);
    const vec3 db = vec3(noise[5 + a * 3], noise[6 + a * 3], noise[7 + a * 3]);
    return max(mix(da, db, f), vec3(1e-5));
}
