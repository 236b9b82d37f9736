#pragma once
// Point nodes whose whole maths is one snippet function of the pixel and a few vec4 parameters:
// channel mixer, soft clip, clamp.
#include <array>
#include <initializer_list>

#include "engine/kernel/NodeType.h"

namespace tinct {

// A step that calls `function(c, params[o], params[o + 1], ...)` from `snippet`, with the
// parameters packed by `pack`.
class SnippetStep : public PointStep {
public:
    SnippetStep(std::string what, std::string snippet, std::string function, std::vector<float> packed);
    std::string describe() const override { return what_; }
    std::string glsl(const StepSlot& slot) const override;
    std::vector<std::string> snippets() const override { return {snippet_}; }
    std::vector<float> params() const override { return packed_; }

private:
    std::string what_, snippet_, function_;
    std::vector<float> packed_;  // whole vec4s
};

// Parameter values as the whole vec4s a step's params() gives.
std::vector<float> vec4s(std::initializer_list<std::array<double, 4>> values);

}  // namespace tinct
