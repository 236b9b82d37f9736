#pragma once
// What a node's thumbnail shows, as steps: the grade with that node as its output (a matte node
// shows its matte as grey, as the compiler makes a matte output), through the viewer's colour
// management (working space to display and view) but not its calibration LUT or aids.
//
// Spatial steps are scaled to the thumbnail: a blur of sigma s pixels on the frame becomes
// s * scale on a thumbnail `scale` times the frame's width, so the thumbnail looks like the graded
// frame made small rather than blurred 15 times as much. A matte's grow or shrink radius rounds to
// whole thumbnail pixels, so a few-pixel clean-up of a large frame vanishes from the thumbnail.
#include <string>
#include <vector>

#include "engine/color/ColorPipeline.h"
#include "engine/graph/Grade.h"

namespace tinct {

// The nodes the thumbnail of `nodeId` depends on, in the order they apply: when these are equal
// for two grades, so are the thumbnails. `nodeId` kSourceInput: none. Throws tinct::Error for a node
// the grade does not have, or a graph that cannot be ordered (a dangling input, a cycle).
std::vector<GradeNode> thumbnailInputs(const Grade& grade, const std::string& nodeId);

// The steps of `nodeId`'s thumbnail (kSourceInput: the ungraded source), spatial sizes times
// `spatialScale`. Throws tinct::Error as compileGrade does.
PointSteps thumbnailSteps(const Grade& grade, const std::string& nodeId, const ColorPlan& plan,
                          const std::string& baseDirectory, float spatialScale);

// `steps` with every spatial step's sizes (blur sigma, grow and shrink radius) times `scale`,
// inside graph steps too. The same steps where there is nothing spatial.
PointSteps scaleSpatial(const PointSteps& steps, float scale);

}  // namespace tinct
