#pragma once
// Steps that look at neighbouring pixels, as separable passes: a Gaussian blur (or an unsharp-mask
// sharpen) and a square grow or shrink (max or min filter), on RGBA frames or one-channel mattes.
// The blur and sharpen nodes and the qualifier's matte clean-up are made of them.
#include <memory>
#include <string>

#include "engine/kernel/FrameStep.h"

namespace tinct {

// sigma in pixels, the kernel reaching 3 sigma; amount -1: the blur itself; > 0: the frame plus
// amount x (frame - blur).
std::shared_ptr<const FrameStep> gaussianStep(std::string what, double sigma, double amount = -1,
                                              FrameKind kind = FrameKind::Rgba);
// A square of half-width `radius` pixels: its maximum (grow) or minimum (shrink).
std::shared_ptr<const FrameStep> morphStep(std::string what, int radius, bool grow, FrameKind kind = FrameKind::Rgba);

}  // namespace tinct
