#pragma once
// The qualifier picker: ranges set from colours sampled in the viewer (the values the qualifier
// sees at those pixels), so the key selects them. HSL computes hue, saturation and lightness as
// shaders/snippets/qualifier.glsl does (values clamped to 0..1, hue in turns from the hexcone).
#include <array>
#include <vector>

#include "engine/kernel/Parameter.h"

namespace tinct {

// Ranges that hold every sample with a small margin (kPickMargin; the hue arc is the shortest one
// holding all chromatic samples). `extend` keeps what the ranges held before and adds the samples
// (a "+" picker). The mode decides what is set: hsl hue/sat/lum, rgb per channel, luma. Softness and
// clean-up are kept. Samples without chroma leave the hue off when no sample has one.
NodeParams pickQualifierRanges(const NodeParams& params, const std::vector<std::array<float, 4>>& samples, bool extend);

constexpr double kPickMargin = 0.02;

// Hue (turns), saturation and lightness of a colour, as the qualifier computes them.
std::array<double, 3> qualifierHsl(const std::array<float, 4>& rgba);

}  // namespace tinct
