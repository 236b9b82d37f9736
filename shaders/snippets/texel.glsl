// The texel type of a frame step's buffers: vec4 for RGBA frames, float for one-channel mattes
// (TINCT_CHANNELS 4 or 1, set by the shader's build variant).
#ifndef TINCT_CHANNELS
#define TINCT_CHANNELS 4
#endif
#if TINCT_CHANNELS == 1
#define Texel float
#else
#define Texel vec4
#endif
