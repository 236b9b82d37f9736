#pragma once
// Point nodes whose whole maths is one snippet function of the pixel and the node's declared
// parameters (channel mixer, soft clip, clamp, the qualifier's key, windows, CDL): the parameters
// are packed, and read back in the GLSL, as their declarations say (engine/kernel/ParamPacking).
#include <string>
#include <vector>

#include "engine/kernel/NodeType.h"
#include "engine/kernel/ParamPacking.h"

namespace tinct {

// A step that calls `function(c, <the parameters named>)` from `snippet`, or `function(<...>)`
// for a step of no input (arity 0: a window, whose value depends on where the pixel is).
class DeclaredStep : public PointStep {
public:
    DeclaredStep(std::string what, std::string snippet, std::string function, const std::vector<ParamDecl>& decls,
                 std::vector<std::string> names, const NodeParams& values, uint32_t arity = 1);
    std::string describe() const override { return what_; }
    std::string glsl(const StepSlot& slot) const override;
    std::vector<std::string> snippets() const override { return {snippet_}; }
    std::vector<float> params() const override { return packed_; }
    uint32_t arity() const override { return arity_; }
    bool positional() const override { return arity_ == 0; }

private:
    std::string what_, snippet_, function_;
    ParamPacking packing_;
    std::vector<float> packed_;
    uint32_t arity_;
};

}  // namespace tinct
