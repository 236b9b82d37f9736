#include "app/gui/ThumbnailSteps.h"

#include <algorithm>
#include <cmath>

#include "engine/Error.h"
#include "engine/graph/GradeCompiler.h"
#include "engine/kernel/GraphSteps.h"
#include "engine/kernel/FrameStep.h"

namespace tinct {
namespace {

bool hasSpatial(const PointSteps& steps) {
    for (const auto& s : steps) {
        if (s->frameStep()) return true;
        if (const PixelProgram* g = s->graph(); g && hasSpatial(g->steps())) return true;
    }
    return false;
}

std::shared_ptr<const PointStep> scaled(const std::shared_ptr<const PointStep>& step, float scale) {
    if (const FrameStep* frame = step->frameStep()) return frame->scaled(scale);
    if (const PixelProgram* graph = step->graph()) {
        PixelProgram program = *graph;
        for (auto& instr : program.instrs)
            if (instr.step) instr.step = scaled(instr.step, scale);
        return graphStep(std::move(program), step->describe());
    }
    return step;
}

}  // namespace

std::vector<GradeNode> thumbnailInputs(const Grade& grade, const std::string& nodeId) {
    if (nodeId == kSourceInput) return {};
    if (!grade.find(nodeId)) throw Error("the grade has no node '" + nodeId + "'");
    Grade upTo = grade;
    upTo.output = nodeId;
    std::vector<GradeNode> nodes;
    for (const GradeNode* n : upTo.order()) nodes.push_back(*n);
    return nodes;
}

PointSteps thumbnailSteps(const Grade& grade, const std::string& nodeId, const ColorPlan& plan,
                          const std::string& baseDirectory, float spatialScale) {
    if (nodeId == kSourceInput) return aroundGrade(plan, {});
    if (!grade.find(nodeId)) throw Error("the grade has no node '" + nodeId + "'");
    Grade upTo = grade;
    upTo.output = nodeId;
    return aroundGrade(plan, scaleSpatial(compileGrade(upTo, baseDirectory), spatialScale));
}

PointSteps scaleSpatial(const PointSteps& steps, float scale) {
    if (!hasSpatial(steps)) return steps;
    PointSteps out;
    for (const auto& s : steps) out.push_back(scaled(s, scale));
    return out;
}

}  // namespace tinct
