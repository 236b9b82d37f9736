#pragma once
// Colour management of a render: source pixels are converted from the input colour space to the
// working space (where the grade happens), and graded pixels from the working space to the output
// colour space or a display and view, with looks. Both conversions are OCIO processors on the GPU,
// fused with the grade's own steps.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "engine/color/Primaries.h"
#include "engine/kernel/PointStep.h"

namespace tinct {

struct ColorRequest {
    std::string config;      // --config; the OCIO variable or the default config when empty
    std::string input;       // --input-colorspace NAME|auto; auto when other flags are given
    std::string working;     // --working-colorspace; the config's color_timing role when empty
    std::string output;      // --output-colorspace
    std::string display, view;
    std::vector<std::string> looks;

    // True when any flag asks for a conversion. With none, pixel values change only by the grade.
    bool converts() const;
};

struct ColorPlan {
    PointSteps toWorking;    // before the grade
    PointSteps fromWorking;  // after the grade
    // With no grade: input -> output (looks, display and view) as one processor, so the output is
    // what OCIO's processor for that transform gives, whatever the working space could hold (a
    // data view passes the input's values, not the working space's). No steps: the values pass as
    // they are. Unset when not converted.
    std::optional<PointSteps> direct;
    std::vector<std::string> notes;  // what was chosen and why, for the user
    // What the user must hear (once per render, and in the station): the working space cannot
    // hold some of the input's values, and a grade there loses them.
    std::vector<std::string> warnings;
    // The output's chromaticities attribute: replaced by these when colour managed (removed when
    // Tinct does not know the output's primaries); left as the source's when not.
    bool retagChromaticities = false;
    std::optional<Chromaticities> outputChromaticities;
    // What the output is: a display name (outputIsDisplay) or a colour space; empty when not converted.
    std::string outputName;
    bool outputIsDisplay = false;
    std::string inputEncoding;  // the input colour space's OCIO encoding ("scene-linear", "log", ...)
};

// The EXR chromaticities of the first source frame: nullopt when the file has none.
using SourceChromaticities = std::function<std::optional<Chromaticities>()>;

// The grade's steps with the plan's conversions around them: what one fused kernel runs. An empty
// grade takes the direct conversion.
PointSteps aroundGrade(const ColorPlan& plan, const PointSteps& grade);

// The plan without its conversions out of the working space: around a grade, the working-space
// values (what a picker samples).
ColorPlan upToWorking(ColorPlan plan);

// The plan's notes, then its warnings ("warning: ..."), each to `log` (which may be empty).
void tellUser(const ColorPlan& plan, const std::function<void(const std::string&)>& log);

// Resolves every name (throwing tinct::Error with close matches for unknown ones) and builds the
// two conversions. `source` is only consulted for --input-colorspace auto.
ColorPlan planColor(const ColorRequest& request, const SourceChromaticities& source);

}  // namespace tinct
