#pragma once
// The station: a window, the media, the grade under edit and the panels, run frame by frame.
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "app/gui/StationState.h"

namespace tinct {

class GpuContext;

struct StationOptions {
    std::string media;           // EXR file or sequence; empty: the sample footage
    std::string grade;           // grade file to open (and save to)
    ColorRequest color;
    std::string calibrationLut;
    std::string screenshot;      // save the window after `frames` frames, then exit
    int frames = 0;
    std::string script;          // UI actions to replay, one per frame
    std::string autosave;        // where the grade is autosaved; default beside the grade file
    bool recover = false;        // open the autosave left by a session that did not end cleanly
    int width = 1600, height = 900;
    bool hdr10 = false;          // an HDR10 (ST 2084 PQ, Rec.2020) swapchain; an error where not offered
    int sampleWidth = 1920, sampleHeight = 1080;
    std::string benchJson;       // parameter-edit-to-screen latencies, for bench/
};

// Runs until the window closes or the screenshot/script is done. Throws tinct::Error.
void runStation(GpuContext& gpu, const StationOptions& options);

// The autosave file used for a grade path (or for an unsaved grade).
std::string autosavePathFor(const std::string& gradePath);

}  // namespace tinct
