#pragma once
// Writes the built-in sample footage to disk: an EXR sequence tagged as ACES2065-1, and
// chart.json with the exact patch values.
#include <string>

namespace tinct {

struct SampleSequenceOptions {
    int width = 1920, height = 1080;
    int count = 24;
    int firstFrame = 1001;
};

// Writes DIR/sample.NNNN.exr (half float, ZIP, 24 fps, timecode from 01:00:00:00, AP0
// chromaticities) and DIR/chart.json. Returns the sequence pattern written.
std::string writeSampleSequence(const std::string& directory, const SampleSequenceOptions& options);

}  // namespace tinct
