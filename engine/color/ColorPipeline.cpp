#include "engine/color/ColorPipeline.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <utility>

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

// Values of the input's kind (scene-linear: slightly negative to 100; anything else: code values
// slightly beyond 0..1) that do not come back from the working space as they went in, or "" when
// all do: what a grade in the working space can never see.
std::string lostInWorking(const LoadedConfig& config, const std::string& input, const std::string& working,
                          const std::string& encoding) {
    const std::vector<float> levels = encoding == "scene-linear"
                                          ? std::vector<float>{-0.05f, 0.0f, 1e-4f, 0.001f, 0.01f, 0.18f, 1.0f, 10.0f, 100.0f}
                                          : std::vector<float>{-0.05f, 0.0f, 0.1f, 0.5f, 0.9f, 1.0f, 1.05f};
    std::vector<float> px;
    for (float v : levels) px.insert(px.end(), {v, v, v});
    std::vector<float> back = px;
    try {
        OCIO::PackedImageDesc image(back.data(), long(back.size() / 3), 1, 3);
        config.config->getProcessor(input.c_str(), working.c_str())->getDefaultCPUProcessor()->apply(image);
        config.config->getProcessor(working.c_str(), input.c_str())->getDefaultCPUProcessor()->apply(image);
    } catch (const OCIO::Exception&) {
        return "";  // the conversions themselves report their errors where they are built
    }
    std::string lost;
    for (size_t i = 0; i < px.size(); i += 3) {
        const float v = px[i], b = back[i];
        if (std::abs(b - v) <= 1e-3f * std::max(1.0f, std::abs(v))) continue;
        char text[64];
        std::snprintf(text, sizeof text, "%s%g comes back as %g", lost.empty() ? "" : ", ", double(v), double(b));
        lost += text;
    }
    return lost;
}

}  // namespace

PointSteps aroundGrade(const ColorPlan& plan, const PointSteps& grade) {
    if (grade.empty() && plan.direct) return *plan.direct;
    PointSteps steps = plan.toWorking;
    steps.insert(steps.end(), grade.begin(), grade.end());
    steps.insert(steps.end(), plan.fromWorking.begin(), plan.fromWorking.end());
    return steps;
}

ColorPlan upToWorking(ColorPlan plan) {
    plan.fromWorking.clear();
    plan.direct.reset();
    return plan;
}

void tellUser(const ColorPlan& plan, const std::function<void(const std::string&)>& log) {
    if (!log) return;
    for (const auto& note : plan.notes) log(note);
    for (const auto& warning : plan.warnings) log("warning: " + warning);
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
        const std::string lost = lostInWorking(config, input, working, plan.inputEncoding);
        if (!lost.empty())
            plan.warnings.push_back("the working space " + working + " cannot hold all of the input " + input +
                                    "'s values (" + lost + "): a grade there loses them; an ungraded render does not "
                                    "go through it. Choose another with --working-colorspace");
        auto t = OCIO::ColorSpaceTransform::Create();
        t->setSrc(input.c_str());
        t->setDst(working.c_str());
        plan.toWorking.push_back(stepFor(config, t, "colour " + input + " -> " + working));
    }

    // The conversion after the grade, from the working space, and the one without a grade, from the
    // input: the same transforms from each. (A look applies in its own process space, whichever
    // space it is given.)
    auto after = OCIO::GroupTransform::Create(), direct = OCIO::GroupTransform::Create();
    const std::pair<OCIO::GroupTransformRcPtr, std::string> chains[] = {{after, working}, {direct, input}};
    std::string tail;  // what the conversion does, after its source
    if (!looks.empty()) {
        for (const auto& [group, from] : chains) {
            auto t = OCIO::LookTransform::Create();
            t->setSrc(from.c_str());
            t->setDst(from.c_str());
            t->setLooks(joined(looks).c_str());
            group->appendTransform(t);
        }
        tail += " + looks " + joined(looks);
    }
    if (!request.display.empty() || !request.view.empty()) {
        const std::string display =
            requireDisplay(config, request.display.empty() ? config.config->getDefaultDisplay() : request.display);
        const std::string view = requireView(
            config, display, request.view.empty() ? config.config->getDefaultView(display.c_str()) : request.view);
        for (const auto& [group, from] : chains) {
            auto t = OCIO::DisplayViewTransform::Create();
            t->setSrc(from.c_str());
            t->setDisplay(display.c_str());
            t->setView(view.c_str());
            group->appendTransform(t);
        }
        tail += " -> display " + display + " / " + view;
        plan.outputChromaticities = chromaticitiesOf(display);
        plan.outputName = display;
        plan.outputIsDisplay = true;
    } else {
        const std::string output = request.output.empty() ? input : requireColorSpace(config, request.output, "--output-colorspace");
        for (const auto& [group, from] : chains) {
            if (output == from) continue;
            auto t = OCIO::ColorSpaceTransform::Create();
            t->setSrc(from.c_str());
            t->setDst(output.c_str());
            group->appendTransform(t);
        }
        tail += " -> " + output;
        plan.outputChromaticities = chromaticitiesOf(output);
        plan.outputName = output;
    }
    if (after->getNumTransforms() > 0) plan.fromWorking.push_back(stepFor(config, after, "colour " + working + tail));
    plan.direct = PointSteps{};
    if (direct->getNumTransforms() > 0) plan.direct->push_back(stepFor(config, direct, "colour " + input + tail));
    plan.retagChromaticities = true;
    plan.notes.push_back("grading in " + working);
    return plan;
}

}  // namespace tinct
