#pragma once
// What the station's tests share: running the real `tinct gui` under its own Xvfb server, reading
// its screenshots with libpng, and the oracles for what the viewer must show.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "tests/support/PngOracle.h"
#include "tests/support/TempDir.h"

namespace tinct::test {

constexpr int kWindowW = 640, kWindowH = 400;

std::string quote(const std::string& s);

// The X screen and window a station test runs in. Depth 30 makes lavapipe offer a 10-bit swapchain
// format; the screen grows to hold a larger window.
struct StationScreen {
    int width = kWindowW, height = kWindowH, depth = 24;
};

// Runs the station in `dir` under its own Xvfb server (xvfb-run -a picks a free display and stops it
// after), the validation layer on. Returns the exit status; a failure fails the test (with the
// station's log) unless `mustSucceed` is false.
int runStation(const std::string& args, const TempDir& dir, bool mustSucceed = true, StationScreen screen = {});

void writeText(const std::string& path, const std::string& text);

// A flat 64x36 EXR in ACES2065-1, written with OpenEXR's own API.
void writeFlatExr(const std::string& path, std::array<float, 3> rgb);
// A 64x36 EXR whose left half is `left` and right half `right`.
void writeSplitExr(const std::string& path, std::array<float, 3> left, std::array<float, 3> right);

// OCIO's CPU processor: ACES2065-1 -> ACEScct (the working space), the CDL slope there, then the
// sRGB display's default view; the oracle for what the viewer must show.
std::array<float, 3> expectedDisplay(std::array<float, 3> rgb, std::optional<std::array<double, 3>> slope);
// A CDL node's slope and saturation, as OCIO's CDLTransform takes them.
struct CdlValues {
    std::array<double, 3> slope{1, 1, 1};
    double saturation = 1;
};
// The same with CDLs applied one after another in the working space.
std::array<float, 3> expectedDisplay(std::array<float, 3> rgb, const std::vector<CdlValues>& cdls);
// OCIO's CPU processor: ACES2065-1 -> ACEScct, what the grade's nodes see.
std::array<float, 3> toWorking(std::array<float, 3> rgb);

// An 8-bit code value of a display value.
int code(float v);

// Pixels in the rectangle whose colour is within `tolerance` of `rgb` on every channel.
int countNear(const Png& png, int x0, int y0, int x1, int y1, std::array<int, 3> rgb, int tolerance);

}  // namespace tinct::test
