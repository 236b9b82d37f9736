#pragma once
// The steps that wire a grade's graph together in a fused kernel: a node's result limited by its
// key (opacity x matte), mixers, and a matte node's finishing (invert, combination with another
// matte). Node types make the grading steps; GradeCompiler joins them with these.
#include <memory>
#include <string>
#include <vector>

#include "engine/kernel/PixelProgram.h"

namespace tinct {

// The key that limits a node: vec4(opacity * matte.x), or vec4(opacity) with no matte.
std::shared_ptr<const PointStep> keyStep(double opacity, bool withMatte);
// mix(input, graded, key.x), taking (input, graded, key).
std::shared_ptr<const PointStep> keyMixStep();

// Parallel mixer of n branches. Average: their mean. Add changes: common + sum(branch - common),
// taking (common, branches...), so that corrections made in different branches all show.
std::shared_ptr<const PointStep> averageStep(size_t branches);
std::shared_ptr<const PointStep> addChangesStep(size_t branches);

// Layer mixer: bottom, then each layer's graded value and key; each layer is blended over what is
// below by `mode` (LayerMode) and mixed in by its key. Alpha stays the bottom's.
enum class LayerMode { Normal, Add, Subtract, Multiply, Screen, Overlay, SoftLight, Difference, Lighten, Darken };
const std::vector<std::string>& layerModeNames();  // "normal", "add", ... in LayerMode order
std::shared_ptr<const PointStep> layerStep(size_t layers, LayerMode mode);

// A matte node's last step: the raw matte (.x) inverted if asked, scaled by opacity, and combined
// with another matte (taken as a second value) by `combine`.
enum class MatteCombine { Intersect, Union, Subtract };
const std::vector<std::string>& matteCombineNames();  // "intersect", "union", "subtract"
std::shared_ptr<const PointStep> matteFinishStep(bool invert, double opacity, bool withOther, MatteCombine combine);
// A matte that covers everything (a bypassed matte node; a window when baking a LUT).
std::shared_ptr<const PointStep> fullMatteStep();
// A matte seen as an image: vec4(m, m, m, 1), to look at a key.
std::shared_ptr<const PointStep> matteImageStep();

// A whole graph as one step taking the frame: what a grade with mixers and mattes compiles to.
std::shared_ptr<const PointStep> graphStep(PixelProgram program, std::string what);

}  // namespace tinct
