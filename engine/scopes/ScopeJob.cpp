#include "engine/scopes/ScopeJob.h"

#include <cmath>
#include <cstdio>
#include <filesystem>

#include "engine/Error.h"
#include "engine/color/ExrChromaticities.h"
#include "engine/gpu/GpuContext.h"
#include "engine/graph/Evaluator.h"
#include "engine/graph/FrameRunner.h"
#include "engine/io/AtomicOutput.h"
#include "engine/io/FrameSequence.h"
#include "engine/io/PngWriter.h"
#include "engine/media/InputFrames.h"
#include "engine/scopes/ScopeEngine.h"

namespace fs = std::filesystem;

namespace tinct {

namespace {

// How the displays and colour spaces of the shipped config encode light.
SignalTransfer transferOf(const std::string& name) {
    if (name == "sRGB" || name == "sRGB - Texture") return SignalTransfer::Srgb;
    if (name == "Rec.1886 Rec.709" || name == "Rec.1886 Rec.709 - Video") return SignalTransfer::Gamma24;
    if (name == "P3-D65" || name == "P3-DCI") return SignalTransfer::Gamma26;
    if (name == "Rec.2100-PQ" || name == "ST2084-P3-D65") return SignalTransfer::Pq;
    return SignalTransfer::Linear;
}

bool isRec2020(const Chromaticities& c) {
    const auto known = chromaticitiesOf("Linear Rec.2020");
    return known && std::fabs(c.redX - known->redX) < 1e-3f && std::fabs(c.greenY - known->greenY) < 1e-3f;
}


}  // namespace

void describeSignal(const ColorPlan& plan, const std::optional<Chromaticities>& sourcePrimaries, ScopeOptions& options,
                    bool autoMatrix) {
    if (!plan.outputName.empty()) {
        options.primaries = plan.outputChromaticities.value_or(rec709Chromaticities());
        options.transfer = transferOf(plan.outputName);
    } else {
        options.primaries = sourcePrimaries.value_or(rec709Chromaticities());
        options.transfer = SignalTransfer::Linear;
    }
    if (autoMatrix) options.matrix = isRec2020(options.primaries) ? CbCrMatrix::Rec2020 : CbCrMatrix::Rec709;
}

size_t runScopes(GpuContext& gpu, const ScopeJobSettings& settings) {
    const auto source = openFrameSource(settings.input, {settings.layer, true});
    const InputFrames inputs = listInputFrames(*source, settings.frames, settings.skipMissing);
    // EXR sources state their primaries; movies and scans leave them to --input-colorspace.
    const auto primaries = [&]() -> std::optional<Chromaticities> {
        if (source->kind() != MediaKind::Exr) return std::nullopt;
        return exrChromaticities(inputs.frames.front().second);
    };
    const ColorPlan color = planColor(settings.color, primaries);
    tellUser(color, settings.log);
    ScopeOptions options = settings.options;
    options.allCounts = settings.json;
    describeSignal(color, primaries(), options, settings.autoMatrix);

    std::error_code ec;
    fs::create_directories(settings.outputDirectory, ec);
    if (ec) throw Error(settings.outputDirectory + ": cannot create the directory: " + ec.message());

    // Frames graded and colour-managed as a render makes them (temporal steps included), the scopes
    // drawn from the graded frame on the GPU; only the scope images come back.
    Evaluator evaluator(gpu, aroundGrade(color, settings.steps), *source);
    FrameRunner runner(gpu, evaluator, *source);
    ScopeEngine scopes(gpu, options);
    const int padding = FrameSequence::parse(settings.input).padding();
    for (size_t i = 0; i < inputs.frames.size(); ++i) {
        const int number = inputs.frames[i].first;
        runner.runOnGpu(inputs.sourceFrames[i], [&](VkCommandBuffer cmd, VkBuffer graded, uint32_t w, uint32_t h) {
            scopes.record(cmd, graded, w, h);
        });

        char suffix[32] = "";
        if (inputs.sequence) std::snprintf(suffix, sizeof suffix, ".%0*d", padding, number);
        for (const ScopeImage& image : scopes.images())
            writePng((fs::path(settings.outputDirectory) / (std::string(scopeKindName(image.kind)) + suffix + ".png")).string(),
                     image.width, image.height, image.rgba);
        if (settings.json)
            writeTextAtomically((fs::path(settings.outputDirectory) / (std::string("scopes") + suffix + ".json")).string(),
                      scopes.data().toJson(options).dump() + "\n");
    }
    return inputs.frames.size();
}

}  // namespace tinct
