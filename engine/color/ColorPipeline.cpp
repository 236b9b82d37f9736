#include "engine/color/ColorPipeline.h"

#include "engine/Error.h"
#include "engine/color/ColorConfig.h"
#include "engine/color/OcioGpuStep.h"

namespace OCIO = OCIO_NAMESPACE;

namespace tinct {

namespace {

std::string joined(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
    return out;
}

std::string autoInput(const LoadedConfig& config, const SourceChromaticities& source, std::vector<std::string>& notes) {
    const std::optional<Chromaticities> xy = source ? source() : std::nullopt;
    // An EXR without chromaticities is Rec.709 by the OpenEXR specification.
    const auto space = linearColorSpaceFor(xy.value_or(rec709Chromaticities()));
    if (!space)
        throw Error("--input-colorspace auto: the source's chromaticities match no colour space Tinct knows; "
                    "name the input colour space");
    const std::string name = requireColorSpace(config, *space, "--input-colorspace auto");
    notes.push_back("input colour space " + name +
                    (xy ? " (chosen from the EXR chromaticities)" : " (the EXR has no chromaticities: Rec.709 by default)"));
    return name;
}

std::shared_ptr<const PointStep> stepFor(const LoadedConfig& config, const OCIO::ConstTransformRcPtr& transform,
                                         const std::string& what) {
    try {
        return sharedOcioGpuStep(config.config->getProcessor(transform), what);
    } catch (const OCIO::Exception& e) {
        throw Error("OCIO config " + config.path + ": " + what + ": " + e.what());
    }
}

}  // namespace

PointSteps aroundGrade(const ColorPlan& plan, const PointSteps& grade) {
    PointSteps steps = plan.toWorking;
    steps.insert(steps.end(), grade.begin(), grade.end());
    steps.insert(steps.end(), plan.fromWorking.begin(), plan.fromWorking.end());
    return steps;
}

bool ColorRequest::converts() const {
    return !input.empty() || !working.empty() || !output.empty() || !display.empty() || !view.empty() || !looks.empty();
}

ColorPlan planColor(const ColorRequest& request, const SourceChromaticities& source) {
    ColorPlan plan;
    if (!request.converts()) return plan;
    if (!request.output.empty() && (!request.display.empty() || !request.view.empty()))
        throw Error("--output-colorspace and --display/--view both name the output; give one or the other");

    const LoadedConfig config = loadConfig(request.config);
    plan.notes.push_back("OCIO config " + config.path + " (" + config.source + ")");

    const std::string input = request.input.empty() || request.input == "auto"
                                  ? autoInput(config, source, plan.notes)
                                  : requireColorSpace(config, request.input, "--input-colorspace");
    plan.inputEncoding = config.config->getColorSpace(input.c_str())->getEncoding();
    std::string working = request.working;
    if (working.empty())
        working = config.config->hasRole(OCIO::ROLE_COLOR_TIMING) ? std::string(OCIO::ROLE_COLOR_TIMING) : input;
    working = requireColorSpace(config, working, "--working-colorspace");

    std::vector<std::string> looks;
    for (const auto& look : request.looks) looks.push_back(requireLook(config, look));

    if (input != working) {
        auto t = OCIO::ColorSpaceTransform::Create();
        t->setSrc(input.c_str());
        t->setDst(working.c_str());
        plan.toWorking.push_back(stepFor(config, t, "colour " + input + " -> " + working));
    }

    auto after = OCIO::GroupTransform::Create();
    std::string what = "colour " + working;
    if (!looks.empty()) {
        auto t = OCIO::LookTransform::Create();
        t->setSrc(working.c_str());
        t->setDst(working.c_str());
        t->setLooks(joined(looks).c_str());
        after->appendTransform(t);
        what += " + looks " + joined(looks);
    }
    if (!request.display.empty() || !request.view.empty()) {
        const std::string display =
            requireDisplay(config, request.display.empty() ? config.config->getDefaultDisplay() : request.display);
        const std::string view = requireView(
            config, display, request.view.empty() ? config.config->getDefaultView(display.c_str()) : request.view);
        auto t = OCIO::DisplayViewTransform::Create();
        t->setSrc(working.c_str());
        t->setDisplay(display.c_str());
        t->setView(view.c_str());
        after->appendTransform(t);
        what += " -> display " + display + " / " + view;
        plan.outputChromaticities = chromaticitiesOf(display);
        plan.outputName = display;
        plan.outputIsDisplay = true;
    } else {
        const std::string output = request.output.empty() ? input : requireColorSpace(config, request.output, "--output-colorspace");
        if (output != working) {
            auto t = OCIO::ColorSpaceTransform::Create();
            t->setSrc(working.c_str());
            t->setDst(output.c_str());
            after->appendTransform(t);
        }
        what += " -> " + output;
        plan.outputChromaticities = chromaticitiesOf(output);
        plan.outputName = output;
    }
    if (after->getNumTransforms() > 0) plan.fromWorking.push_back(stepFor(config, after, what));
    plan.retagChromaticities = true;
    plan.notes.push_back("grading in " + working);
    return plan;
}

}  // namespace tinct
