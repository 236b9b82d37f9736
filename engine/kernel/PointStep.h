#pragma once
// A per-pixel operation that can be fused with its neighbours into one compute kernel (DESIGN.md
// principle 2). A step gives GLSL for one function `vec4 NAME(vec4)`, the parameters it reads from
// the kernel's parameter buffer, and the textures (LUTs) it samples, bound as storage buffers.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace tinct {

struct TextureShape {
    uint32_t dimensions = 3;  // 1, 2 or 3
    uint32_t width = 1, height = 1, depth = 1;
};

struct StepTexture {
    TextureShape shape;
    std::vector<float> rgba;  // shape.width*height*depth RGBA texels
    bool linear = false;      // linear interpolation between texels, else nearest
};

// Where a step's resources sit in the fused kernel.
struct StepSlot {
    std::string functionName;     // the function the step must define
    uint32_t paramOffset = 0;     // index of its first vec4 in `params[]`
    uint32_t firstBinding = 0;    // binding of its first texture's storage buffer; the rest follow
};

struct PixelProgram;
class FrameStep;

class PointStep {
public:
    virtual ~PointStep() = default;

    // Non-null for a step that needs whole frames (spatial or temporal, engine/kernel/FrameStep.h);
    // its glsl() is then never asked for.
    virtual const FrameStep* frameStep() const { return nullptr; }

    // Non-null for a step that is a whole graph of steps (a grade with mixers and mattes), taking
    // the frame at its instruction 0; kernels expand it in place and never ask for its glsl().
    virtual const PixelProgram* graph() const { return nullptr; }

    // How many values the function takes: `vec4 NAME(vec4 a0, ..., vec4 aN-1)`. Mixers take several,
    // a window none. A one-argument function may name its argument as it likes.
    virtual uint32_t arity() const { return 1; }

    // True when the result depends on where the pixel is (windows read `tinct_pixel` and
    // `tinct_frame_size`), so a LUT cannot hold it.
    virtual bool positional() const { return false; }

    // What a person reads in plans and errors: "CDL look.cc", "LUT show.cube (tetrahedral)".
    virtual std::string describe() const = 0;

    // GLSL declarations and the function body. The text must depend only on the step's structure
    // (not its parameter values), so that a parameter change reuses the compiled kernel.
    virtual std::string glsl(const StepSlot& slot) const = 0;

    // Snippets (shaders/snippets/NAME) the GLSL calls into; each is pasted into a kernel once, however
    // many steps use it.
    virtual std::vector<std::string> snippets() const { return {}; }

    // Parameters as vec4s, read by the GLSL from params[slot.paramOffset ...].
    virtual std::vector<float> params() const { return {}; }

    virtual const std::vector<StepTexture>& textures() const {
        static const std::vector<StepTexture> none;
        return none;
    }
};

using PointSteps = std::vector<std::shared_ptr<const PointStep>>;

}  // namespace tinct
