#include "engine/graph/GradeCompiler.h"

#include "engine/Error.h"
#include "engine/nodes/NodeTypes.h"

namespace tinct {

namespace {

// A node's step mixed with its input: mix(c, step(c), opacity). The opacity is a parameter, so
// changing it recompiles nothing.
class OpacityStep : public PointStep {
public:
    OpacityStep(std::shared_ptr<const PointStep> inner, double opacity) : inner_(std::move(inner)), opacity_(opacity) {}
    std::string describe() const override { return inner_->describe() + " at opacity " + std::to_string(opacity_); }
    std::string glsl(const StepSlot& slot) const override {
        const StepSlot innerSlot{slot.functionName + "_inner", slot.paramOffset + 1, slot.firstBinding};
        return inner_->glsl(innerSlot) + "vec4 " + slot.functionName + "(vec4 c) {\n    return mix(c, " +
               innerSlot.functionName + "(c), params[" + std::to_string(slot.paramOffset) + "].x);\n}\n";
    }
    std::vector<std::string> snippets() const override { return inner_->snippets(); }
    std::vector<float> params() const override {
        std::vector<float> p = {float(opacity_), 0, 0, 0};
        const auto inner = inner_->params();
        p.insert(p.end(), inner.begin(), inner.end());
        return p;
    }
    const std::vector<StepTexture>& textures() const override { return inner_->textures(); }

private:
    std::shared_ptr<const PointStep> inner_;
    double opacity_;
};

}  // namespace

PointSteps compileGrade(const Grade& grade, const std::string& baseDirectory) {
    PointSteps steps;
    const NodeContext context{baseDirectory};
    for (const GradeNode* node : grade.chain()) {
        if (node->bypass || node->opacity == 0.0) continue;
        const NodeType* type = findNodeType(node->type);
        if (!type) throw Error("node '" + node->id + "': unknown type '" + node->type + "'");
        std::shared_ptr<const PointStep> step;
        try {
            step = type->makeStep(node->params, context);
        } catch (const Error& e) {
            throw Error("node '" + node->id + "' (" + node->type + "): " + e.what());
        }
        if (node->opacity < 1.0) step = std::make_shared<OpacityStep>(step, node->opacity);
        steps.push_back(step);
    }
    return steps;
}

}  // namespace tinct
