#pragma once
// What a frame in memory holds: RGBA32F pictures, one-channel mattes (the matte is .x of a value),
// two-channel motion fields (x, y). Mattes and fields between steps take a quarter and a half of a
// picture's memory and bandwidth.
#include <cstdint>

namespace tinct {

enum class FrameKind { Rgba, Matte, Motion };
uint32_t channelsOf(FrameKind kind);
inline uint32_t bytesPerPixel(FrameKind kind) { return 4 * channelsOf(kind); }
const char* frameKindName(FrameKind kind);  // "RGBA", "matte", "motion field"

}  // namespace tinct
