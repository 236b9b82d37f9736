#include "engine/render/SampleSequence.h"

#include <ImfChromaticitiesAttribute.h>
#include <ImfStandardAttributes.h>
#include <ImfStringAttribute.h>
#include <ImfTimeCodeAttribute.h>

#include <filesystem>

#include "engine/Error.h"
#include "engine/io/AtomicOutput.h"
#include "engine/io/ExrAttributes.h"
#include "engine/io/ExrWriter.h"
#include "engine/io/FrameSequence.h"
#include "engine/render/SampleFootage.h"

namespace tinct {

namespace {

// ACES2065-1 primaries and white point (SMPTE ST 2065-1), so readers know the footage is AP0.
std::shared_ptr<ExrAttributes> sampleAttributes(int frameIndex) {
    auto attributes = std::make_shared<ExrAttributes>();
    Imf::Header& h = attributes->header;
    Imf::addChromaticities(h, Imf::Chromaticities({0.7347f, 0.2653f}, {0.0f, 1.0f}, {0.0001f, -0.0770f},
                                                  {0.32168f, 0.33767f}));
    Imf::addFramesPerSecond(h, Imf::Rational(24, 1));
    const int seconds = frameIndex / 24, frames = frameIndex % 24;  // from 01:00:00:00, wrapping at 24 h
    Imf::addTimeCode(h, Imf::TimeCode((1 + seconds / 3600) % 24, (seconds / 60) % 60, seconds % 60, frames));
    Imf::addOwner(h, "Tinct sample footage");
    h.insert("colorSpace", Imf::StringAttribute("ACES2065-1"));
    return attributes;
}

}  // namespace

std::string writeSampleSequence(const std::string& directory, const SampleSequenceOptions& options) {
    if (options.count < 1 || options.count > 100000)
        throw Error("sample: --count " + std::to_string(options.count) + " is outside 1-100000");
    if (options.firstFrame < -99999999 || options.firstFrame > 99999999 - options.count)
        throw Error("sample: --start " + std::to_string(options.firstFrame) + " is outside -99999999 to 99999999");
    std::error_code ec;
    std::filesystem::create_directories(directory, ec);
    if (ec) throw Error(directory + ": cannot create the directory: " + ec.message());
    const FrameSequence sequence = FrameSequence::parse((std::filesystem::path(directory) / "sample.####.exr").string());
    for (int i = 0; i < options.count; ++i) {
        Frame frame = makeSampleFrame(i, options.count, options.width, options.height);
        frame.attributes = sampleAttributes(i);
        writeExr(sequence.pathFor(options.firstFrame + i), frame, {PixelType::Half, ExrCompression::Zip});
    }
    const std::string chartPath = (std::filesystem::path(directory) / "chart.json").string();
    writeTextAtomically(chartPath, sampleChartJson(options.width, options.height).dump(2) + "\n");
    return sequence.pattern();
}

}  // namespace tinct
